import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

/** One point of a chart: a month, the series it belongs to, and its value (a percentage). */
export interface ChartPoint {
  month: string;
  series: string;
  value: number;
}

/**
 * Draws a chart as SVG on the server with Vega-Lite (compiled to Vega, rendered headless with no
 * canvas), so the report needs no JavaScript to be read. `months` fixes the x axis, so a month
 * with too few answers to show is a gap rather than a missing tick.
 */
export async function percentChart(input: {
  kind: "line" | "bar";
  months: string[];
  points: ChartPoint[];
  yTitle: string;
  /** The series in legend order (and colour order). */
  series: string[];
}): Promise<string> {
  const spec: TopLevelSpec = {
    width: 520,
    height: 240,
    data: { values: input.points },
    mark: input.kind === "line" ? { type: "line", point: { size: 60 }, strokeWidth: 2.5 } : { type: "bar" },
    encoding: {
      x: {
        field: "month",
        type: "ordinal",
        sort: input.months,
        scale: { domain: input.months },
        title: null,
        axis: { labelAngle: -45 },
      },
      y: {
        field: "value",
        type: "quantitative",
        scale: { domain: [0, 100] },
        title: input.yTitle,
      },
      color: {
        field: "series",
        type: "nominal",
        sort: input.series,
        scale: { domain: input.series, scheme: "dark2" },
        legend: { title: null, orient: "right" },
      },
      ...(input.kind === "bar" ? { xOffset: { field: "series", sort: input.series } } : {}),
      // Shape as well as colour, so no meaning rests on colour alone (PRODUCT.md §9).
      ...(input.kind === "line"
        ? {
            shape: {
              field: "series",
              type: "nominal",
              sort: input.series,
              scale: { domain: input.series },
              legend: { title: null, orient: "right" },
            },
          }
        : {}),
    },
    config: {
      view: { stroke: null },
      font: "sans-serif",
      axis: { labelFontSize: 12, titleFontSize: 12 },
      legend: { labelFontSize: 13, symbolSize: 120, labelLimit: 300 },
    },
  };
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** One bar of the by-workstream chart: a workstream, a measure and its value (a percentage). */
export interface WorkstreamBar {
  workstream: string;
  measure: string;
  value: number;
}

/**
 * Horizontal bars, one row per workstream and one bar per measure: the whole programme side by
 * side, so no workstream is lost sight of. Names are people's words; Vega escapes them in SVG.
 */
export async function workstreamChart(input: {
  workstreams: string[];
  measures: string[];
  bars: WorkstreamBar[];
}): Promise<string> {
  const spec: TopLevelSpec = {
    width: 460,
    height: { step: 14 },
    data: { values: input.bars },
    mark: { type: "bar" },
    encoding: {
      y: { field: "workstream", type: "nominal", sort: input.workstreams, title: null },
      yOffset: { field: "measure", sort: input.measures },
      x: { field: "value", type: "quantitative", scale: { domain: [0, 100] }, title: "Per cent" },
      color: {
        field: "measure",
        type: "nominal",
        sort: input.measures,
        scale: { domain: input.measures, scheme: "dark2" },
        legend: { title: null, orient: "bottom" },
      },
    },
    config: {
      view: { stroke: null },
      font: "sans-serif",
      axis: { labelFontSize: 12, titleFontSize: 12, labelLimit: 220 },
      legend: { labelFontSize: 13, labelLimit: 300 },
    },
  };
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
