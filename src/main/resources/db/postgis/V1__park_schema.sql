-- Park features for the PostgreSQL + PostGIS store; the same tables and columns as the embedded H2GIS store
-- (db/h2gis), so both answer identically. Planar geometry in EPSG:4548 (metres) is the truth for areas and
-- overlaps; geom_crs84 (SRID 4326, lon/lat) is the same outline kept for serving. Ids sort with the "C" collation,
-- byte order, as H2 sorts them, whatever the database's locale.

CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE valley_parts (
    id          VARCHAR(64) COLLATE "C" PRIMARY KEY,
    seq         INTEGER      NOT NULL,
    kind        VARCHAR(16)  NOT NULL CHECK (kind IN ('boundary', 'phase')),
    phase       INTEGER,
    name_en     VARCHAR(200) NOT NULL,
    name_zh     VARCHAR(200) NOT NULL,
    area_m2     DOUBLE PRECISION NOT NULL,
    geom        geometry(Geometry, 4548) NOT NULL CHECK (ST_IsValid(geom)),
    geom_crs84  geometry(Geometry, 4326) NOT NULL
);

CREATE TABLE zones (
    id          VARCHAR(64) COLLATE "C" PRIMARY KEY,
    seq         INTEGER      NOT NULL,
    name_en     VARCHAR(200) NOT NULL,
    name_zh     VARCHAR(200) NOT NULL,
    category    VARCHAR(16)  NOT NULL CHECK (category IN ('facility', 'enterprise', 'infrastructure')),
    allocatable BOOLEAN      NOT NULL,
    area_m2     DOUBLE PRECISION NOT NULL,
    geom        geometry(Geometry, 4548) NOT NULL CHECK (ST_IsValid(geom)),
    geom_crs84  geometry(Geometry, 4326) NOT NULL
);

CREATE TABLE parcels (
    id                VARCHAR(32) COLLATE "C" PRIMARY KEY,
    seq               INTEGER      NOT NULL,
    zone_id           VARCHAR(64) COLLATE "C" NOT NULL REFERENCES zones (id),
    land_use          VARCHAR(6)   NOT NULL,
    status            VARCHAR(16)  NOT NULL CHECK (status IN ('available', 'reserved', 'allocated', 'withdrawn')),
    far_min           DOUBLE PRECISION NOT NULL,
    far_max           DOUBLE PRECISION NOT NULL,
    coverage_min      DOUBLE PRECISION NOT NULL,
    coverage_max      DOUBLE PRECISION NOT NULL,
    green_ratio_min   DOUBLE PRECISION NOT NULL,
    green_ratio_max   DOUBLE PRECISION NOT NULL,
    height_max_m      DOUBLE PRECISION NOT NULL,
    setback_m         DOUBLE PRECISION NOT NULL,
    area_m2           DOUBLE PRECISION NOT NULL,
    version           BIGINT       NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    geom              geometry(Polygon, 4548) NOT NULL CONSTRAINT parcels_geom_valid CHECK (ST_IsValid(geom)),
    geom_crs84        geometry(Polygon, 4326) NOT NULL
);
CREATE INDEX parcels_zone_idx ON parcels (zone_id);
CREATE INDEX parcels_status_idx ON parcels (status);

CREATE TABLE constraint_areas (
    id          VARCHAR(64) COLLATE "C" PRIMARY KEY,
    seq         INTEGER      NOT NULL,
    kind        VARCHAR(32)  NOT NULL CHECK (kind IN ('ecological-red-line', 'permanent-basic-farmland',
                    'urban-development-boundary', 'river-blue-line', 'high-voltage-corridor')),
    name_en     VARCHAR(200) NOT NULL,
    name_zh     VARCHAR(200) NOT NULL,
    geom        geometry(Geometry, 4548) NOT NULL CHECK (ST_IsValid(geom)),
    geom_crs84  geometry(Geometry, 4326) NOT NULL
);

CREATE TABLE roads (
    id              VARCHAR(64) COLLATE "C" PRIMARY KEY,
    seq             INTEGER      NOT NULL,
    kind            VARCHAR(16)  NOT NULL CHECK (kind IN ('centreline', 'reserve')),
    name_en         VARCHAR(200) NOT NULL,
    name_zh         VARCHAR(200) NOT NULL,
    road_class      VARCHAR(16)  NOT NULL,
    red_line_width_m DOUBLE PRECISION NOT NULL,
    geom            geometry(Geometry, 4548) NOT NULL CHECK (ST_IsValid(geom)),
    geom_crs84      geometry(Geometry, 4326) NOT NULL
);

CREATE TABLE seed_datasets (
    name          VARCHAR(64)  PRIMARY KEY,
    sha256        VARCHAR(64)  NOT NULL,
    feature_count INTEGER      NOT NULL,
    loaded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX valley_parts_geom_idx ON valley_parts USING GIST (geom);
CREATE INDEX valley_parts_geom_crs84_idx ON valley_parts USING GIST (geom_crs84);
CREATE INDEX zones_geom_idx ON zones USING GIST (geom);
CREATE INDEX zones_geom_crs84_idx ON zones USING GIST (geom_crs84);
CREATE INDEX parcels_geom_idx ON parcels USING GIST (geom);
CREATE INDEX parcels_geom_crs84_idx ON parcels USING GIST (geom_crs84);
CREATE INDEX constraint_areas_geom_idx ON constraint_areas USING GIST (geom);
CREATE INDEX constraint_areas_geom_crs84_idx ON constraint_areas USING GIST (geom_crs84);
CREATE INDEX roads_geom_idx ON roads USING GIST (geom);
CREATE INDEX roads_geom_crs84_idx ON roads USING GIST (geom_crs84);
