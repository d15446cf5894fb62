/**
 * The desk's filter language: `status:open priority:>=high assignee:me created:>-7d -label:duplicate "vpn down"`.
 * Parsed into a tree, checked against the caller's field specs and compiled to one parameterised SQL boolean.
 * The language is described for users in docs/query-language.md.
 */
export {
  compileQuery,
  type FieldKind,
  type FieldSpec,
  type QueryContext,
  type QueryFields,
} from './compiler.js';
export { QueryError, type QueryErrorCode } from './errors.js';
export {
  type Comparison,
  MAX_QUERY_DEPTH,
  MAX_QUERY_LENGTH,
  parseQuery,
  type QueryNode,
  type QueryValue,
} from './parser.js';
export { type Suggestion, suggest } from './suggest.js';
