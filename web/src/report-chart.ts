/**
 * The Reports page's bar chart, inline SVG drawn by hand (no chart library: the bundle stays small):
 * columns by month, or horizontal bars by value, divided by the second dimension. Each part has a
 * colour and a pattern (colour is never the only cue), the legend lists them in stack order, and the
 * total is written at each bar. The SVG is one image (role="img") with a text alternative; the table
 * beside it is its accessible equivalent, so nothing inside the SVG is read out.
 */
import { type ChartData } from './report-chart-data';
import { COLUMN, layoutBarRows, layoutColumns, ROW } from './report-chart-geometry';

const SVG = 'http://www.w3.org/2000/svg';

/** Colour-blind-safe hues, each at least 3:1 against white (WCAG 1.4.11, graphical objects). */
const COLOURS = ['#0066cc', '#b35900', '#00805e', '#8a3fa0', '#1a1a1a', '#c2185b', '#5c5c5c', '#7a6000'];
/** A pattern per part, drawn in white over its colour: the second cue after colour. */
const PATTERNS = [
  '',
  'M-2,2 l4,-4 M0,10 l10,-10 M8,12 l4,-4',
  'M2,2 h2 v2 h-2 z M7,7 h2 v2 h-2 z',
  'M0,5 h10 M5,0 v10',
  'M0,3 h10 M0,8 h10',
  'M-2,8 l4,4 M0,0 l10,10 M8,-2 l4,4',
  'M3,0 v10 M8,0 v10',
  'M0,0 l10,10 M10,0 l-10,10',
];

type Attributes = Record<string, string | number>;
// Bars, parts and totals carry their keys (data-category, data-series): what a test or a stylesheet can
// hold on to without reading the drawing.

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: (Node | string)[]) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

const fillOf = (series: number) => `url(#report-fill-${series % COLOURS.length})`;

/** The colour-and-pattern fills, defined once per chart and used by its legend too. */
function patterns(): SVGDefsElement {
  return svg(
    'defs',
    {},
    ...COLOURS.map((colour, index) =>
      svg(
        'pattern',
        { id: `report-fill-${index}`, width: 10, height: 10, patternUnits: 'userSpaceOnUse' },
        svg('rect', { width: 10, height: 10, fill: colour }),
        ...(PATTERNS[index] ? [svg('path', { d: PATTERNS[index], stroke: '#fff', 'stroke-width': 1.6, fill: '#fff' })] : []),
      ),
    ),
  );
}

export interface ChartText {
  /** The whole chart in words (the SVG's accessible name). */
  summary: string;
  /** A bar's label (a month, a site's name, a code's label). */
  category: (key: string) => string;
  /** Short month and, where it changes, the year under it (columns only). */
  monthTick: (month: string, first: boolean) => { month: string; year?: string };
  number: (value: number) => string;
}

/** Columns for months: fixed width each, so a long range makes the SVG wider and its box scrolls. */
function columns(data: ChartData, text: ChartText): SVGSVGElement {
  const layout = layoutColumns(data.cells);
  const chart = svg('svg', { width: layout.width, height: layout.height, viewBox: `0 0 ${layout.width} ${layout.height}` }, patterns());
  for (const tick of layout.ticks) {
    chart.append(
      svg('line', {
        x1: layout.plot.left,
        x2: layout.plot.right,
        y1: tick.at,
        y2: tick.at,
        stroke: tick.value === 0 ? '#1a1a1a' : '#cccccc',
      }),
      svg('text', { x: layout.plot.left - 8, y: tick.at + 5, 'text-anchor': 'end', class: 'report-chart__tick' }, text.number(tick.value)),
    );
  }
  layout.columns.forEach((column, index) => {
    for (const segment of column.segments)
      chart.append(
        svg('rect', {
          x: column.x,
          y: segment.start,
          'data-category': data.categories[index] ?? '',
          'data-series': data.series[segment.series] ?? '',
          width: COLUMN.barWidth,
          height: segment.size,
          fill: fillOf(segment.series),
          stroke: '#fff',
          'stroke-width': 1,
        }),
      );
    chart.append(
      svg(
        'text',
        {
          x: column.center,
          y: column.labelY,
          'text-anchor': 'middle',
          class: column.total === 0 && !column.withheld ? 'report-chart__total report-chart__total--zero' : 'report-chart__total',
          'data-category': data.categories[index] ?? '',
        },
        text.number(column.total) + (column.withheld ? '*' : ''),
      ),
    );
    const month = data.categories[index] ?? '';
    const tick = text.monthTick(month, index === 0);
    chart.append(svg('text', { x: column.center, y: layout.plot.bottom + 18, 'text-anchor': 'middle' }, tick.month));
    if (tick.year) chart.append(svg('text', { x: column.center, y: layout.plot.bottom + 36, 'text-anchor': 'middle' }, tick.year));
  });
  return chart;
}

/** Horizontal bars for other values: the label above each bar, lengths in percent of the box's width. */
function barRows(data: ChartData, text: ChartText): SVGSVGElement {
  const layout = layoutBarRows(
    data.cells,
    data.categories.map((key) => text.category(key)),
  );
  const chart = svg('svg', { width: '100%', height: layout.height }, patterns());
  layout.rows.forEach((row, index) => {
    const label = svg('text', { x: 0, y: row.labelY });
    row.labelLines.forEach((line, index) => label.append(svg('tspan', { x: 0, dy: index === 0 ? 0 : ROW.lineHeight }, line)));
    chart.append(label);
    chart.append(svg('line', { x1: 0, x2: 0, y1: row.barY - 2, y2: row.barY + ROW.barHeight + 2, stroke: '#1a1a1a' }));
    for (const segment of row.segments)
      chart.append(
        svg('rect', {
          x: `${segment.start}%`,
          y: row.barY,
          'data-category': data.categories[index] ?? '',
          'data-series': data.series[segment.series] ?? '',
          width: `${segment.size}%`,
          height: ROW.barHeight,
          fill: fillOf(segment.series),
          stroke: '#fff',
          'stroke-width': 1,
        }),
      );
    chart.append(
      svg(
        'text',
        {
          x: '100%',
          y: row.barY + ROW.barHeight - 5,
          'text-anchor': 'end',
          class: 'report-chart__total',
          'data-category': data.categories[index] ?? '',
        },
        text.number(row.total) + (row.withheld ? '*' : ''),
      ),
    );
  });
  return chart;
}

/** The chart as one image whose name is `text.summary`. */
export function drawChart(data: ChartData, text: ChartText): SVGSVGElement {
  const chart = data.axis === 'month' ? columns(data, text) : barRows(data, text);
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', text.summary);
  chart.setAttribute('class', 'report-chart');
  chart.setAttribute('id', 'report-chart-svg');
  return chart;
}

/** A legend entry's swatch: the part's own fill (the chart's patterns are defined in the document). */
export function swatch(series: number): SVGSVGElement {
  return svg(
    'svg',
    { width: 22, height: 22, viewBox: '0 0 22 22', 'aria-hidden': 'true', focusable: 'false', class: 'report-legend__swatch' },
    svg('rect', { x: 1, y: 1, width: 20, height: 20, fill: fillOf(series), stroke: '#1a1a1a', 'stroke-width': 1 }),
  );
}
