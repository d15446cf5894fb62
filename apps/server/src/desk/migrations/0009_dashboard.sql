-- The dashboard (docs/desk-dashboards.md) counts resolutions and missed response targets per day of a period.
-- (The Prometheus gauges of open incidents are served by 0001's incidents_status; 0007 indexes resolution_due_at.)
create index incidents_resolved_at on desk.incidents (resolved_at) where resolved_at is not null;
create index incidents_response_due on desk.incidents (response_due_at) where response_due_at is not null;
