/**
 * The portfolio's charts as SVG, rendered by Vega-Lite/Vega in Node (the SVG renderer needs no browser
 * and no canvas): envelope against committed yen per fiscal year (the trend across years), and the yen
 * committed by DAC income group per fiscal year. The SVG is inlined in the HTML page: no script, no
 * font or image to load. Labels are the tool's own (fiscal years, group codes), not text from files.
 */
import type { ComplianceReport, Locale } from '@osa-policy/language';
import { fiscalYear, labelsFor } from './shared.js';

export interface Chart {
    title: string;
    svg: string;
}

type Spec = Record<string, unknown>;

async function render(spec: Spec): Promise<string> {
    const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
    const compiled = vegaLite.compile(spec as never).spec;
    const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
    try {
        return await view.toSVG();
    } finally {
        view.finalize();
    }
}


export async function portfolioCharts(report: ComplianceReport, locale: Locale = 'en'): Promise<Chart[]> {
    const label = labelsFor(locale);
    const fy = (year: number) => fiscalYear(year, label);
    const YEN_AXIS = { title: label('report.chart.yen'), format: ',.0f' };
    const years = report.portfolio.fiscalYears;
    if (years.length === 0) {
        return [];
    }
    const base = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', width: 480, height: 220, background: null,
        config: { font: 'sans-serif', axis: { labelColor: '#6e7781', titleColor: '#6e7781', gridColor: '#d0d7de' }, legend: { labelColor: '#6e7781', titleColor: '#6e7781' }, view: { stroke: null } } };
    const trend = years.flatMap(y => [
        ...(y.envelope !== undefined ? [{ year: fy(y.fiscalYear), series: label('report.chart.envelope'), amount: y.envelope }] : []),
        { year: fy(y.fiscalYear), series: label('report.chart.programmes'), amount: y.amount }
    ]);
    const groups = years.flatMap(y => y.byDacGroup.map(b => ({ year: fy(y.fiscalYear), group: b.key, amount: b.amount })));
    const charts: Chart[] = [{
        title: label('report.chart.trend'),
        svg: await render({
            ...base, data: { values: trend }, mark: 'bar',
            encoding: {
                x: { field: 'year', type: 'nominal', title: null, axis: { labelAngle: 0 } },
                xOffset: { field: 'series' },
                y: { field: 'amount', type: 'quantitative', axis: YEN_AXIS },
                color: { field: 'series', type: 'nominal', title: null, scale: { range: ['#8c959f', '#0969da'] } }
            }
        })
    }];
    if (groups.length > 0) {
        charts.push({
            title: label('report.chart.dacGroups'),
            svg: await render({
                ...base, data: { values: groups }, mark: 'bar',
                encoding: {
                    x: { field: 'year', type: 'nominal', title: null, axis: { labelAngle: 0 } },
                    y: { field: 'amount', type: 'quantitative', axis: YEN_AXIS, stack: 'zero' },
                    color: { field: 'group', type: 'nominal', title: label('report.chart.dacGroup'), scale: { scheme: 'tableau10' } }
                }
            })
        });
    }
    return charts;
}
