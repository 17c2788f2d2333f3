-- Reference ("clean") view per camera: a JPEG under dataDir/references, replaced when a case is verified clean.
create table camera_references (
    camera_id  varchar(100) primary key,
    file_name  varchar(300) not null,
    width      integer      not null,
    height     integer      not null,
    reason     varchar(40)  not null,
    taken_at   timestamp with time zone not null
);
