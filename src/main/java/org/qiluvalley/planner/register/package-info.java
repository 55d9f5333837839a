/**
 * The parcel register's revision and change log, followed by this instance: {@link RegisterWatch} reads the
 * revision (coalescing concurrent reads into one query) and replays the logged changes to the listeners that keep
 * views of the register in memory (tiles/TileCache, map/ParcelDensity). On PostgreSQL, NOTIFY tells every
 * instance of a commit at once (store/postgis/RegisterNotifications); the revision row stays the authority.
 */
package org.qiluvalley.planner.register;
