-- Generated morning reports: one file per date and format under dataDir/reports.
create table report_archive (
    report_date date         not null,
    format      varchar(8)   not null,
    file_name   varchar(300) not null,
    bytes       bigint       not null,
    scan_id     bigint,
    created_at  timestamp with time zone not null,
    primary key (report_date, format)
);
