-- The review queue page (GET /api/cases?state=…&sort=newest|oldest&limit=50): read the first page of a state in
-- first-seen order straight from an index instead of sorting every case in that state.
create index cases_state_first_seen on cases (state, first_seen, id);
create index cases_point_first_seen on cases (point_id, first_seen, id);
create index cases_first_seen on cases (first_seen, id);
