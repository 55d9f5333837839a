/*
 * The workspace map's layer control and the padding that keeps framed features clear of it and of the legend.
 */
import { bilingual } from '../core/format.js';
import { addLayerControl, controlsInset as insetOf } from '../core/map.js';
import { layers, view } from './context.js';

export function addControls() {
  layers.control = addLayerControl(view.map, layers, { parcels: { [bilingual('Parcels', '地块')]: layers.parcels } });
}

/** Right-hand padding that keeps framed features clear of the legend and layer control. */
export function controlsInset() {
  return insetOf(view.map, [layers.legend]);
}
