-- Park features for the embedded H2GIS store. Planar geometry in EPSG:4548 (metres) is the truth for areas and
-- overlaps; geom_crs84 (SRID 4326, lon/lat) is the same outline kept for serving GeoJSON and CRS84 bbox queries.
-- seq keeps the load order, the stable order of every layer but parcels (ordered by id).

CREATE TABLE valley_parts (
    id          VARCHAR(64)  PRIMARY KEY,
    seq         INTEGER      NOT NULL,
    kind        VARCHAR(16)  NOT NULL CHECK (kind IN ('boundary', 'phase')),
    phase       INTEGER,
    name_en     VARCHAR(200) NOT NULL,
    name_zh     VARCHAR(200) NOT NULL,
    area_m2     DOUBLE PRECISION NOT NULL,
    geom        GEOMETRY(GEOMETRY, 4548) NOT NULL,
    geom_crs84  GEOMETRY(GEOMETRY, 4326) NOT NULL
);

CREATE TABLE zones (
    id          VARCHAR(64)  PRIMARY KEY,
    seq         INTEGER      NOT NULL,
    name_en     VARCHAR(200) NOT NULL,
    name_zh     VARCHAR(200) NOT NULL,
    category    VARCHAR(16)  NOT NULL CHECK (category IN ('facility', 'enterprise', 'infrastructure')),
    allocatable BOOLEAN      NOT NULL,
    area_m2     DOUBLE PRECISION NOT NULL,
    geom        GEOMETRY(GEOMETRY, 4548) NOT NULL,
    geom_crs84  GEOMETRY(GEOMETRY, 4326) NOT NULL
);

CREATE TABLE parcels (
    id                VARCHAR(32)  PRIMARY KEY,
    seq               INTEGER      NOT NULL,
    zone_id           VARCHAR(64)  NOT NULL REFERENCES zones (id),
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
    geom              GEOMETRY(POLYGON, 4548) NOT NULL,
    geom_crs84        GEOMETRY(POLYGON, 4326) NOT NULL
);
CREATE INDEX parcels_zone_idx ON parcels (zone_id);
CREATE INDEX parcels_status_idx ON parcels (status);

CREATE TABLE constraint_areas (
    id          VARCHAR(64)  PRIMARY KEY,
    seq         INTEGER      NOT NULL,
    kind        VARCHAR(32)  NOT NULL CHECK (kind IN ('ecological-red-line', 'permanent-basic-farmland',
                    'urban-development-boundary', 'river-blue-line', 'high-voltage-corridor')),
    name_en     VARCHAR(200) NOT NULL,
    name_zh     VARCHAR(200) NOT NULL,
    geom        GEOMETRY(GEOMETRY, 4548) NOT NULL,
    geom_crs84  GEOMETRY(GEOMETRY, 4326) NOT NULL
);

CREATE TABLE roads (
    id              VARCHAR(64)  PRIMARY KEY,
    seq             INTEGER      NOT NULL,
    kind            VARCHAR(16)  NOT NULL CHECK (kind IN ('centreline', 'reserve')),
    name_en         VARCHAR(200) NOT NULL,
    name_zh         VARCHAR(200) NOT NULL,
    road_class      VARCHAR(16)  NOT NULL,
    red_line_width_m DOUBLE PRECISION NOT NULL,
    geom            GEOMETRY(GEOMETRY, 4548) NOT NULL,
    geom_crs84      GEOMETRY(GEOMETRY, 4326) NOT NULL
);

-- One row per dataset loaded: restarting never loads the same dataset twice.
CREATE TABLE seed_datasets (
    name          VARCHAR(64)  PRIMARY KEY,
    sha256        VARCHAR(64)  NOT NULL,
    feature_count INTEGER      NOT NULL,
    loaded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE SPATIAL INDEX valley_parts_geom_idx ON valley_parts (geom);
CREATE SPATIAL INDEX valley_parts_geom_crs84_idx ON valley_parts (geom_crs84);
CREATE SPATIAL INDEX zones_geom_idx ON zones (geom);
CREATE SPATIAL INDEX zones_geom_crs84_idx ON zones (geom_crs84);
CREATE SPATIAL INDEX parcels_geom_idx ON parcels (geom);
CREATE SPATIAL INDEX parcels_geom_crs84_idx ON parcels (geom_crs84);
CREATE SPATIAL INDEX constraint_areas_geom_idx ON constraint_areas (geom);
CREATE SPATIAL INDEX constraint_areas_geom_crs84_idx ON constraint_areas (geom_crs84);
CREATE SPATIAL INDEX roads_geom_idx ON roads (geom);
CREATE SPATIAL INDEX roads_geom_crs84_idx ON roads (geom_crs84);
