/*
 * The eight readiness items of a parcel (七通一平), in the API's order (the members of its "readiness" object), with
 * their English and Chinese names: shared by the investor map's popup fragment and the planner's parcel form.
 */
export const READINESS_ITEMS = [
  ['road', 'Road', '道路'],
  ['waterSupply', 'Water supply', '给水'],
  ['drainage', 'Drainage', '排水'],
  ['power', 'Power', '电力'],
  ['telecom', 'Telecom', '通信'],
  ['gas', 'Gas', '燃气'],
  ['heating', 'Heating', '热力'],
  ['siteLevelling', 'Site levelling', '场地平整'],
];

/** The longest capacity text the service takes, in characters. */
export const MAX_CAPACITY_CHARACTERS = 200;
