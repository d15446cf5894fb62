import type { Platform } from '../../platform/platform.js';
import type { IncidentService } from '../incident-service.js';
import { ProblemExportDispatcher, ProblemExports } from './problem-export.js';
import { ProblemRules } from './problem-rules.js';
import { ProblemService } from './problem-service.js';

export { problemRoutes } from './problem-routes.js';

/** The desk's problems, wired: the service, its rules (watching every incident) and the exports' sender. */
export function createProblems(platform: Platform, incidents: IncidentService, isHub: () => boolean) {
  const problems = new ProblemService(platform, incidents, new ProblemExports(platform));
  const rules = new ProblemRules(platform, problems);
  incidents.observe(rules.observer);
  return { problems, rules, exportDispatcher: new ProblemExportDispatcher(platform, isHub) };
}
