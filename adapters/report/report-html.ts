import { DateTime } from "luxon";
import { figureLabel, SMALL_GROUP } from "../../src/domain/anonymity.ts";
import type { MonthFigures, ProgrammeFigures, ScopeFigures } from "../../src/use-cases/programme-figures.ts";
import { type GroupShares, labelsOf, percentOf } from "../../src/use-cases/programme-shares.ts";
import { type ChartPoint, percentChart, type WorkstreamBar, workstreamChart } from "./charts.ts";

/** Escapes text for HTML: names of programmes and workstreams are typed by people. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function cell(part: number, whole: number, none: string): string {
  return whole === 0 ? none : `${Math.round((100 * part) / whole)}% (${part} of ${whole})`;
}

/** One chart's series: a name and its value per month (undefined: too few to show). */
interface Series {
  name: string;
  values: Array<{ part: number; whole: number } | undefined>;
}

function groupSeries(months: MonthFigures[], pick: (m: MonthFigures) => GroupShares): Series[] {
  const figures = months.map(pick);
  const present = (s: { yes: number; all: number } | undefined) =>
    s && s.all > 0 ? { part: s.yes, whole: s.all } : undefined;
  return [
    { name: "Everyone", values: figures.map((f) => present(f.all)) },
    ...labelsOf(figures).map((label) => ({
      name: capital(figureLabel(label)),
      values: figures.map((f) => present(f.groups.get(label))),
    })),
  ];
}

/** A chart and, beside it, the same figures as a table (for screen readers, and to check). */
async function chartSection(input: {
  id: string;
  title: string;
  intro: string;
  kind: "line" | "bar";
  months: MonthFigures[];
  series: Series[];
  yTitle: string;
  /** What a month with no figure says: nothing happened, or too few to show. */
  none: (month: MonthFigures) => string;
}): Promise<string> {
  const labels = input.months.map((m) => m.label);
  const points: ChartPoint[] = input.series.flatMap((s) =>
    s.values.flatMap((v, i) =>
      v
        ? [
            {
              month: labels[i] as string,
              series: s.name,
              value: percentOf({ yes: v.part, all: v.whole }) ?? 0,
            },
          ]
        : [],
    ),
  );
  const svg = await percentChart({
    kind: input.kind,
    months: labels,
    points,
    yTitle: input.yTitle,
    series: input.series.map((s) => s.name),
  });
  const names = input.series.map((s) => s.name);
  const alt = `${input.kind === "line" ? "Line" : "Bar"} chart: ${input.title}, by month from ${labels[0]} to ${labels.at(-1)}, for ${names.join(", ")}. The table beside it gives every figure.`;
  const head = `<tr><th scope="col">Month</th>${names.map((n) => `<th scope="col">${escapeHtml(n)}</th>`).join("")}</tr>`;
  const rows = labels
    .map(
      (label, i) =>
        `<tr><th scope="row">${escapeHtml(label)}</th>${input.series
          .map((s) => {
            const v = s.values[i];
            const none = input.none(input.months[i] as MonthFigures);
            return `<td>${v ? cell(v.part, v.whole, none) : escapeHtml(none)}</td>`;
          })
          .join("")}</tr>`,
    )
    .join("\n");
  return `<section aria-labelledby="${input.id}-title">
<h2 id="${input.id}-title">${escapeHtml(input.title)}</h2>
<p>${escapeHtml(input.intro)}</p>
<div class="pair">
<figure data-chart="${input.id}" data-series="${escapeHtml(names.join("|"))}">
<div class="chart" role="img" aria-label="${escapeHtml(alt)}">${svg}</div>
<figcaption>${escapeHtml(alt)}</figcaption>
</figure>
<table data-table="${input.id}"><caption>${escapeHtml(input.title)}, month by month</caption>
<thead>${head}</thead>
<tbody>
${rows}
</tbody></table>
</div>
</section>`;
}

/** A workstream's name as the report shows it: a closed one says so. */
function shownName(s: ScopeFigures): string {
  return s.closed ? `${s.name} (closed)` : s.name;
}

/** Response rate and papers on time per workstream, the last 3 months, with its table. */
async function workstreamSection(workstreams: ScopeFigures[]): Promise<string> {
  const measures = ["Check-ins answered", "Papers on time"];
  const pick = (w: ScopeFigures) => [
    { part: w.responses.answered, whole: w.responses.invited, none: "no check-ins" },
    { part: w.papers.onTime, whole: w.papers.sent, none: "no papers sent" },
  ];
  const bars: WorkstreamBar[] = workstreams.flatMap((w) =>
    pick(w).flatMap((m, i) =>
      m.whole > 0
        ? [
            {
              workstream: shownName(w),
              measure: measures[i] as string,
              value: Math.round((100 * m.part) / m.whole),
            },
          ]
        : [],
    ),
  );
  const svg = await workstreamChart({ workstreams: workstreams.map(shownName), measures, bars });
  const alt = `Bar chart: ${measures.join(" and ")} for each of the ${workstreams.length} workstreams over the last 3 months. The table beside it gives every figure.`;
  const rows = workstreams
    .map(
      (w) =>
        `<tr><th scope="row">${escapeHtml(shownName(w))}</th>${pick(w)
          .map((m) => `<td>${cell(m.part, m.whole, m.none)}</td>`)
          .join("")}</tr>`,
    )
    .join("\n");
  return `<section aria-labelledby="by-workstream-title">
<h2 id="by-workstream-title">Each workstream: check-ins answered and papers on time</h2>
<p>Over the last 3 months, so that no workstream is lost sight of.</p>
<div class="pair">
<figure data-chart="by-workstream" data-series="${escapeHtml(measures.join("|"))}">
<div class="chart" role="img" aria-label="${escapeHtml(alt)}">${svg}</div>
<figcaption>${escapeHtml(alt)}</figcaption>
</figure>
<table data-table="by-workstream"><caption>Each workstream, the last 3 months</caption>
<thead><tr><th scope="col">Workstream</th>${measures.map((m) => `<th scope="col">${m}</th>`).join("")}</tr></thead>
<tbody>
${rows}
</tbody></table>
</div>
</section>`;
}

/** A month with check-ins but no figure held too few answers to show; one without had none. */
const tooFew = (m: MonthFigures) => (m.responses.invited > 0 ? "too few answers" : "no check-ins");

const SUMMARY_COLUMNS = [
  "Meetings held",
  "Meetings planned",
  "Papers sent on time",
  "Check-ins answered",
  "Felt listened to",
  "Able to say what they wanted",
];

function summaryRow(s: ScopeFigures, header: "th" | "td" = "th"): string {
  const few = s.responses.invited === 0 ? "no check-ins" : "too few answers";
  const cells = [
    String(s.meetingsHeld),
    String(s.meetingsPlanned),
    cell(s.papers.onTime, s.papers.sent, "none sent"),
    cell(s.responses.answered, s.responses.invited, "none closed"),
    cell(s.listened.all.yes, s.listened.all.all, few),
    cell(s.spoke.all.yes, s.spoke.all.all, few),
    ...s.counts.map((c) => String(c.value)),
  ];
  const name =
    header === "th"
      ? `<th scope="row">${escapeHtml(shownName(s))}</th>`
      : `<td>${escapeHtml(shownName(s))}</td>`;
  return `<tr>${name}${cells.map((c) => `<td>${c}</td>`).join("")}</tr>`;
}

/**
 * The programme report (PRODUCT.md §14): one self-contained HTML page, readable with no
 * JavaScript, whose charts are inline SVG each with a table of the same figures beside it.
 * Built only from ProgrammeFigures, which hold counts and never a name, comment or answer.
 */
export async function programmeReportHtml(
  f: ProgrammeFigures,
  kind: "programme" | "workstream",
): Promise<string> {
  const when = DateTime.fromJSDate(f.now, { zone: f.zone }).toFormat("cccc d LLLL yyyy, HH:mm");
  const recent = DateTime.fromJSDate(f.recentFrom, { zone: f.zone }).toFormat("d LLLL yyyy");
  const months = f.months;
  const span = `${months[0]?.label} to ${months.at(-1)?.label}`;
  const counts = f.whole.counts.map((c) => c.label);
  const summaryHead = `<tr><th scope="col">${kind === "programme" ? "Workstream" : "Scope"}</th>${[...SUMMARY_COLUMNS, ...counts].map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join("")}</tr>`;
  const summaryRows = [
    ...(kind === "programme" ? f.workstreams.map((w) => summaryRow(w)) : []),
    summaryRow(f.whole),
  ].join("\n");
  const folding = `Only totals are shown: never a name, a comment or an answer. At each meeting, a stakeholder group with fewer than ${SMALL_GROUP} answers is counted under "other groups" (and so is a group that would let the rest be worked out); a meeting with fewer than ${SMALL_GROUP} answers is not counted.`;
  const sections = await Promise.all([
    chartSection({
      id: "listened",
      title: "Felt listened to, by stakeholder group",
      intro: `The share who said yes to "Did you feel your views were listened to?", ${span}.`,
      kind: "line",
      months,
      series: groupSeries(months, (m) => m.listened),
      yTitle: "Said yes (%)",
      none: tooFew,
    }),
    chartSection({
      id: "spoke",
      title: "Able to say what I wanted, by stakeholder group",
      intro: `The share who said "fully" to "Were you able to say what you wanted to?", ${span}.`,
      kind: "line",
      months,
      series: groupSeries(months, (m) => m.spoke),
      yTitle: "Said fully (%)",
      none: tooFew,
    }),
    chartSection({
      id: "responses",
      title: "Check-in response rate",
      intro: `Of the people sent each closed check-in, how many answered, ${span}.`,
      kind: "bar",
      months,
      series: [
        {
          name: "Answered",
          values: months.map((m) =>
            m.responses.invited > 0 ? { part: m.responses.answered, whole: m.responses.invited } : undefined,
          ),
        },
      ],
      yTitle: "Answered (%)",
      none: () => "no check-ins",
    }),
    chartSection({
      id: "papers",
      title: "Papers sent on time",
      intro: `Of the meetings whose papers were sent, how many went out on time, ${span}.`,
      kind: "bar",
      months,
      series: [
        {
          name: "On time",
          values: months.map((m) =>
            m.papers.sent > 0 ? { part: m.papers.onTime, whole: m.papers.sent } : undefined,
          ),
        },
      ],
      yTitle: "On time (%)",
      none: () => "no papers sent",
    }),
  ]);
  if (kind === "programme" && f.workstreams.length > 0) sections.push(await workstreamSection(f.workstreams));
  const title = `${kind === "programme" ? "Programme" : "Workstream"} report: ${f.title}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; color: #1a1a1a; background: #fff; margin: 0; line-height: 1.5; }
main { max-width: 1200px; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.8rem; margin-bottom: 0.25rem; }
h2 { font-size: 1.3rem; margin-top: 2rem; }
table { border-collapse: collapse; font-size: 0.95rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
th, td { border: 1px solid #999; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #eee; }
.pair { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
figure { margin: 0; max-width: 680px; }
.chart svg { max-width: 100%; height: auto; }
figcaption { font-size: 0.9rem; }
.wide { overflow-x: auto; }
.note { background: #f4f4f4; border-left: 4px solid #555; padding: 0.5rem 1rem; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>Figures as they stood on ${escapeHtml(when)} (${escapeHtml(f.zone)}). The table below covers the last 3 months (from ${escapeHtml(recent)}); the charts show each month from ${escapeHtml(span)}.</p>
<p class="note">${escapeHtml(folding)}</p>
<section aria-labelledby="glance-title">
<h2 id="glance-title">At a glance</h2>
<div class="wide">
<table data-table="summary"><caption>${kind === "programme" ? "Each workstream and the whole programme" : "This workstream"}, the last 3 months</caption>
<thead>${summaryHead}</thead>
<tbody>
${summaryRows}
</tbody></table>
</div>
</section>
${sections.join("\n")}
</main>
</body>
</html>
`;
}
