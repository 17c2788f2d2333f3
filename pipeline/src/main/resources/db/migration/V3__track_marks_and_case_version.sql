-- Idempotency of findings by a per-track high-water mark (one row per camera/track/category, updated in place)
-- instead of one applied_commands row per finding. An analyzer emits a track's findings in time order, so a finding
-- at or before its track's mark was applied already (a journal replay or a re-delivery).
create table track_marks (
    camera_id varchar(100) not null,
    track_id  bigint       not null,
    category  varchar(40)  not null,
    last_at   timestamp with time zone not null,
    primary key (camera_id, track_id, category)
);
-- no index on last_at: every finding moves it, and only the hourly purge and the start-up load filter on it

-- Optimistic check for the case writer's in-memory index: an update whose version does not match means someone
-- else wrote the case, and the writer reloads instead of overwriting.
alter table cases add column version bigint default 0 not null;
