/*
 * Form pieces both pages use: the zone and land-use selects, and numbers typed by the user.
 */
import { InputError, landUseLabel } from './format.js';

/** One option per zone, "English · 中文", in the zones' order. */
export function addZoneOptions(select, zoneOrder, zoneNames) {
  zoneOrder.forEach((id) => {
    const names = zoneNames(id);
    select.add(new Option(`${names.en} · ${names.zh}`, id));
  });
}

/** One option per code of the rule book (landUses: Map code → names): a proposal may change the use. */
export function addLandUseOptions(select, landUses) {
  landUses.forEach((names, code) => select.add(new Option(landUseLabel(code, names, ' · '), code)));
}

/**
 * The number in an input, null when empty; throws an InputError (en, zh, the input) when it is not a number from
 * 0 to max.
 */
export function readNumber(input, en, zh, { max = Infinity } = {}) {
  const text = input.value.trim();
  if (text === '') return null;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > max) {
    throw new InputError(`${en}: enter a number${Number.isFinite(max) ? ` from 0 to ${max}` : ' ≥ 0'}.`,
      `${zh}：请输入${Number.isFinite(max) ? `0–${max}之间的` : '不小于0的'}数字。`, input);
  }
  return value;
}
