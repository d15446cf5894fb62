import { type DeskDashboard, type deskDashboardQuery, incidentPriorities } from '@kontor/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { RequestContext } from '../../platform/context.js';
import type { Platform } from '../../platform/platform.js';
import { unprocessable } from '../errors.js';
import type { SavedFilterService } from '../filters/filters-service.js';
import type { FiltersDb } from '../filters/tables.js';
import type { FilterCompiler } from '../incident-service.js';
import { dashboardRepository } from './dashboard-repository.js';

/** The agents' dashboard (docs/desk-dashboards.md): the desk's figures over the incidents a filter selects. */
export class DashboardService {
  constructor(
    private readonly platform: Platform,
    private readonly compileFilter: FilterCompiler,
    private readonly filters: SavedFilterService,
  ) {}

  async figures(ctx: RequestContext, query: z.output<typeof deskDashboardQuery>): Promise<DeskDashboard> {
    const now = new Date();
    const db = this.platform.db;
    const texts = [query.q?.trim() ?? ''];
    if (query.filterId) {
      const saved = await this.filters.visible(db as FiltersDb, ctx, query.filterId);
      if (!saved)
        throw unprocessable('unknown_filter', 'There is no such saved filter you can see', [
          { path: 'querystring.filterId', message: 'is not a saved filter you can see' },
        ]);
      texts.push(saved.query);
    }
    // Compiled before anything is read, so a filter that cannot be read is a 400 with its position.
    const where = texts
      .filter((text) => text !== '')
      .map((text) => this.compileFilter(text, { userId: ctx.actor?.userId ?? null, now }))
      .reduce((all, next) => sql<boolean>`(${all} and ${next})`, sql<boolean>`true`);
    const period = { where, now, timeZone: this.platform.config.timeZone, days: query.days };
    const [open, perDay, breachedOpen, resolveTimes] = await Promise.all([
      dashboardRepository.openByPriority(db, period),
      dashboardRepository.perDay(db, period),
      dashboardRepository.breachedOpen(db, period),
      dashboardRepository.timeToResolve(db, period),
    ]);
    const openCount = new Map(open.map((row) => [row.priority, row.n]));
    const resolveTime = new Map(resolveTimes.map((row) => [row.priority, row]));
    return {
      timeZone: period.timeZone,
      from: perDay[0]?.day ?? '',
      to: perDay.at(-1)?.day ?? '',
      openByPriority: incidentPriorities.map((priority) => ({ priority, count: openCount.get(priority) ?? 0 })),
      perDay: perDay.map((row) => ({
        day: row.day,
        created: row.created,
        resolved: row.resolved,
        responseBreaches: row.response_breaches,
        resolutionBreaches: row.resolution_breaches,
      })),
      breachedOpen,
      timeToResolve: incidentPriorities.map((priority) => {
        const row = resolveTime.get(priority);
        return {
          priority,
          resolved: row?.n ?? 0,
          meanSeconds: row?.mean ?? null,
          medianSeconds: row?.median ?? null,
        };
      }),
    };
  }
}
