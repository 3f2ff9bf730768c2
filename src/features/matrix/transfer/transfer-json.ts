import type { Messages } from '../../../platform/i18n/i18n.ts';
import type { CellSource } from '../schema.ts';
import { type ExportData, maxFileBytes, maxRowsPerCell, type ParsedFile, type TransferCell, type Where } from './transfer.ts';
import { formatName } from './transfer-xlsx.ts';

/*
 * JSON: one object, `matrices` holding one entry per State with one entry per field in `cells`
 * (docs/matrix-files.md). Written with one cell per line, so that two exports compare line by line.
 */

export const jsonType = 'application/json; charset=utf-8';

export function writeJson(data: ExportData, m: Messages): Buffer {
  const { template } = data;
  const head = {
    format: formatName,
    formatVersion: 1,
    template: template.version,
    exportedAt: data.exportedAt.toISOString(),
    language: m.locale,
    notice: m.t('matrix.disclaimer'),
    demo: data.matrices.some((x) => x.demo),
  };
  const parts: string[] = [];
  for (const x of data.matrices) {
    // Every field of the template, in order; a field without a cell in short (blank, revision 0).
    const cells = template.fields.map((f) => {
      const c = x.cells.get(f.code);
      if (!c) return JSON.stringify({ field: f.code, value: '', rev: 0 });
      return JSON.stringify({
        field: f.code,
        value: c.value,
        sources: c.sources,
        infoDate: c.infoDate,
        remarks: c.remarks,
        instrumentStatus: c.instrumentStatus,
        instrumentDate: c.instrumentDate,
        rev: c.rev,
      });
    });
    const meta = JSON.stringify({ state: x.state, name: x.stateName, version: x.number, status: x.status, demo: x.demo }).slice(0, -1);
    parts.push(`    ${meta},\n      "cells": [${cells.length ? `\n        ${cells.join(',\n        ')}\n      ` : ''}]\n    }`);
  }
  const top = JSON.stringify(head, null, 2).slice(0, -2);
  return Buffer.from(`${top},\n  "matrices": [\n${parts.join(',\n')}\n  ]\n}\n`, 'utf8');
}

export interface JsonReadOptions {
  fieldCount: number;
  stateCount: number;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a JSON matrix file; problems name their JSON path (`matrices[0].cells[3].value`). */
export function readJson(buf: Buffer, options: JsonReadOptions): ParsedFile {
  const parsed: ParsedFile = {
    format: 'json',
    template: null,
    templateAt: { path: 'template' },
    demo: false,
    demoStates: new Set(),
    cells: [],
    problems: [],
  };
  const problem = (path: string, p: string) => parsed.problems.push({ where: { path }, problem: p });
  if (buf.length > maxFileBytes) {
    problem('', `the file is larger than ${maxFileBytes / 1024 / 1024} MB`);
    return parsed;
  }
  let doc: Json;
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    doc = JSON.parse(text) as Json;
  } catch (err) {
    problem('', `the file is not JSON in UTF-8 (${(err as Error).message})`);
    return parsed;
  }
  if (!isObject(doc)) {
    problem('', 'must be an object with "template" and "matrices"');
    return parsed;
  }
  if (doc.format !== undefined && doc.format !== formatName) problem('format', `must be "${formatName}"`);
  if (typeof doc.template !== 'string' || !doc.template) problem('template', 'must name the template version, such as "2017"');
  else parsed.template = doc.template;
  parsed.demo = doc.demo === true;
  if (!Array.isArray(doc.matrices)) {
    problem('matrices', 'must be a list of matrices');
    return parsed;
  }
  if (doc.matrices.length > options.stateCount) {
    problem('matrices', `has ${doc.matrices.length} entries; there are ${options.stateCount} Member States`);
    return parsed;
  }
  const maxCells = options.fieldCount * maxRowsPerCell;
  doc.matrices.forEach((mx, i) => {
    const at = `matrices[${i}]`;
    if (!isObject(mx)) {
      problem(at, 'must be an object with "state" and "cells"');
      return;
    }
    const state = typeof mx.state === 'string' ? mx.state.trim().toUpperCase() : '';
    if (!state) problem(`${at}.state`, 'must be the ISO 3166-1 alpha-3 code of a Member State');
    let version: number | null = null;
    if (mx.version !== undefined && mx.version !== null) {
      if (typeof mx.version === 'number' && Number.isInteger(mx.version) && mx.version >= 1) version = mx.version;
      else problem(`${at}.version`, 'must be a version number or null');
    }
    if (mx.demo === true && state) (parsed.demoStates as Set<string>).add(state);
    if (!Array.isArray(mx.cells)) {
      problem(`${at}.cells`, 'must be a list of cells');
      return;
    }
    if (mx.cells.length > maxCells) {
      problem(`${at}.cells`, `has ${mx.cells.length} entries, more than the template could need`);
      return;
    }
    mx.cells.forEach((c, j) => {
      const cat = `${at}.cells[${j}]`;
      if (!isObject(c)) {
        problem(cat, 'must be an object with "field" and "value"');
        return;
      }
      const str = (key: string, nullable: boolean): string | null => {
        const v = c[key];
        if (v === undefined || v === null) return nullable ? null : '';
        if (typeof v === 'string') return v;
        problem(`${cat}.${key}`, 'must be a text');
        return nullable ? null : '';
      };
      const sources: CellSource[] = [];
      if (c.sources !== undefined && c.sources !== null) {
        if (!Array.isArray(c.sources)) problem(`${cat}.sources`, 'must be a list of sources');
        else
          c.sources.forEach((s, k) => {
            const sat = `${cat}.sources[${k}]`;
            if (!isObject(s)) {
              problem(sat, 'must be an object with "kind" and "citation"');
              return;
            }
            const part = (key: string): string | undefined => {
              const v = s[key];
              if (v === undefined || v === null) return undefined;
              if (typeof v === 'string') return v;
              problem(`${sat}.${key}`, 'must be a text');
              return undefined;
            };
            const source: CellSource = { kind: (part('kind') ?? '') as CellSource['kind'], citation: part('citation') ?? '' };
            const locator = part('locator');
            const url = part('url');
            const language = part('language');
            if (locator) source.locator = locator;
            if (url) source.url = url;
            if (language) source.language = language;
            for (const key of Object.keys(s))
              if (!['kind', 'citation', 'locator', 'url', 'language'].includes(key)) problem(`${sat}.${key}`, 'is not a part of a source');
            sources.push(source);
          });
      }
      let rev: number | null = null;
      if (c.rev !== undefined && c.rev !== null) {
        if (typeof c.rev === 'number' && Number.isInteger(c.rev) && c.rev >= 0) rev = c.rev;
        else problem(`${cat}.rev`, 'must be a whole number or null');
      }
      // A cell says its value: one without it (a file cut or put together by hand) is refused,
      // never read as blank. "" or null makes the cell blank.
      if (!('value' in c)) problem(`${cat}.value`, 'is missing: give the value (X, ?, NA), or "" or null to make the cell blank');
      for (const key of Object.keys(c))
        if (!['field', 'value', 'sources', 'infoDate', 'remarks', 'instrumentStatus', 'instrumentDate', 'rev'].includes(key))
          problem(`${cat}.${key}`, 'is not a part of a cell');
      const paths: Record<string, string> = {
        state: `${at}.state`,
        version: `${at}.version`,
        field: `${cat}.field`,
        value: `${cat}.value`,
        info_date: `${cat}.infoDate`,
        remarks: `${cat}.remarks`,
        instrument_status: `${cat}.instrumentStatus`,
        instrument_date: `${cat}.instrumentDate`,
        rev: `${cat}.rev`,
        sources: `${cat}.sources`,
      };
      const sourcePart: Record<string, string> = {
        source_kind: 'kind',
        citation: 'citation',
        locator: 'locator',
        url: 'url',
        source_language: 'language',
      };
      const cell: TransferCell = {
        state,
        version,
        field: (str('field', false) ?? '').trim(),
        value: (str('value', false) ?? '').trim(),
        sources,
        infoDate: str('infoDate', true) || null,
        remarks: str('remarks', false) ?? '',
        instrumentStatus: str('instrumentStatus', true) || null,
        instrumentDate: str('instrumentDate', true) || null,
        rev,
        section: null,
        locate: (key, k = 0): Where =>
          sourcePart[key] ? { path: `${cat}.sources[${k}].${sourcePart[key]}` } : { path: paths[key] ?? cat },
      };
      parsed.cells.push(cell);
    });
  });
  return parsed;
}
