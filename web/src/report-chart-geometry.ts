/**
 * Where the Reports page's bars go, in pixels: columns (months along the bottom, fixed width per
 * month, so a long range scrolls inside the chart's own box) or horizontal bars (one row per value,
 * its label above it, widths in percent so the chart fits any screen). Pure numbers: no DOM.
 */
import type { ChartCell } from './report-chart-data';

export interface Segment {
  series: number;
  /** Pixels for columns; percent of the bar area for horizontal bars. */
  start: number;
  size: number;
}

export interface Tick {
  value: number;
  /** Pixels from the top. */
  at: number;
}

export interface Bar {
  total: number;
  withheld: boolean;
  segments: Segment[];
}

/** The axis' largest value and its step: 1, 2 or 5 × a power of ten, whole counts only. */
export function niceScale(max: number, targetTicks = 4): { max: number; step: number } {
  if (max <= 0) return { max: 1, step: 1 };
  const rough = max / targetTicks;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= rough) ?? 10 * power);
  return { max: Math.ceil(max / step) * step, step };
}

function ticksOf(scale: { max: number; step: number }, at: (value: number) => number): Tick[] {
  const ticks: Tick[] = [];
  for (let value = 0; value <= scale.max; value += scale.step) ticks.push({ value, at: at(value) });
  return ticks;
}

/** Each bar's parts laid end to end, from `origin`, `length` standing for `max`; empty parts left out. */
function stacked(cells: ChartCell[], max: number, length: number, origin: number, direction: 1 | -1): Bar {
  const segments: Segment[] = [];
  let position = origin;
  cells.forEach((cell, series) => {
    if (cell.count <= 0) return;
    const size = (cell.count / max) * length;
    segments.push({ series, start: direction === 1 ? position : position - size, size });
    position += direction * size;
  });
  return {
    total: cells.reduce((sum, cell) => sum + cell.count, 0),
    withheld: cells.some((cell) => cell.withheld),
    segments,
  };
}

export const COLUMN = { pitch: 52, barWidth: 34, plotHeight: 200, left: 48, right: 12, top: 28, bottom: 48 } as const;

export interface ColumnLayout {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  ticks: Tick[];
  columns: (Bar & { x: number; center: number; labelY: number })[];
}

/** Columns, the first part of each at the bottom; the total above each column. */
export function layoutColumns(cells: ChartCell[][]): ColumnLayout {
  const totals = cells.map((row) => row.reduce((sum, cell) => sum + cell.count, 0));
  const scale = niceScale(Math.max(0, ...totals));
  const plot = {
    left: COLUMN.left,
    top: COLUMN.top,
    right: COLUMN.left + cells.length * COLUMN.pitch,
    bottom: COLUMN.top + COLUMN.plotHeight,
  };
  const y = (value: number) => plot.bottom - (value / scale.max) * COLUMN.plotHeight;
  const columns = cells.map((row, index) => {
    const bar = stacked(row, scale.max, COLUMN.plotHeight, plot.bottom, -1);
    const center = plot.left + index * COLUMN.pitch + COLUMN.pitch / 2;
    return { ...bar, x: center - COLUMN.barWidth / 2, center, labelY: y(bar.total) - 6 };
  });
  return {
    width: plot.right + COLUMN.right,
    height: plot.bottom + COLUMN.bottom,
    plot,
    ticks: ticksOf(scale, y),
    columns,
  };
}

export const ROW = { lineHeight: 18, barHeight: 22, gap: 14, top: 4, barArea: 82 } as const;

export interface BarRowLayout {
  height: number;
  rows: (Bar & { labelLines: string[]; labelY: number; barY: number })[];
}

/**
 * A label cut into lines of at most `maxChars` characters at spaces (a longer word gets a line of its
 * own): SVG text does not wrap, and about 30 characters of 14 px text fit a 320 px phone.
 */
export function wrapLabel(label: string, maxChars = 30): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * Horizontal bars, one per value with its label above it and the first part at the left; lengths in
 * percent of `ROW.barArea` (the rest of the width holds the total).
 */
export function layoutBarRows(cells: ChartCell[][], labels: string[]): BarRowLayout {
  const totals = cells.map((row) => row.reduce((sum, cell) => sum + cell.count, 0));
  const scale = niceScale(Math.max(0, ...totals));
  let y: number = ROW.top;
  const rows = cells.map((row, index) => {
    const labelLines = wrapLabel(labels[index] ?? '');
    const labelY = y + ROW.lineHeight - 4;
    const barY = y + labelLines.length * ROW.lineHeight + 2;
    y = barY + ROW.barHeight + ROW.gap;
    return { ...stacked(row, scale.max, ROW.barArea, 0, 1), labelLines, labelY, barY };
  });
  return { height: y, rows };
}
