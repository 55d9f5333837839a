-- The places investors measure a site against (airport, railway station, expressway interchange, the park's
-- service centre): approximate positions, each with its source. Loaded from gis-data/places.geojson as a dataset of
-- its own on the first start after this migration. Position in EPSG:4548 (distances are measured there) and the
-- same point in CRS84 for serving, as every other layer.

CREATE TABLE places (
    id          VARCHAR(64) COLLATE "C" PRIMARY KEY,
    seq         INTEGER      NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    name_en     VARCHAR(200) NOT NULL,
    name_zh     VARCHAR(200) NOT NULL,
    source      VARCHAR(1000) NOT NULL,
    geom        geometry(Point, 4548) NOT NULL,
    geom_crs84  geometry(Point, 4326) NOT NULL
);

CREATE INDEX places_geom_idx ON places USING GIST (geom);
CREATE INDEX places_geom_crs84_idx ON places USING GIST (geom_crs84);
