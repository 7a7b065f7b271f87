/**
 * What `<ics-power-chart>` imports on demand, once per page, side by side with the first chart's
 * read of the chain: the geometry (d3's scales and shapes) and the templates that draw the items
 * with it (the SVG, the focusable strips, the legend and the table). The element shows data only
 * once this is loaded, so none of it is needed for its first render.
 */
export { geometry } from './power-chart.geometry.js';
export { renderKeyChunk, renderLegend, renderSvg, renderTable } from './power-chart.drawing.js';
