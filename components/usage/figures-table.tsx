"use client";
import type { ReactNode } from "react";
import { TableScroll, tableClasses, tdClasses, thClasses } from "./chart-card";

export interface FiguresRow {
  key: string;
  /** The row's name, in the first column. */
  header: ReactNode;
  /** One figure per further column, right-aligned. */
  cells: readonly ReactNode[];
}

/**
 * A chart's numbers as a table: a named row per entry and its figures right-aligned under their
 * column headers (the first column holds the names).
 */
export function FiguresTable({
  label,
  caption,
  columns,
  rows,
}: {
  /** The scrolling region's name. */
  label: string;
  caption: string;
  columns: readonly ReactNode[];
  rows: readonly FiguresRow[];
}) {
  return (
    <TableScroll label={label}>
      <table className={tableClasses}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col" className={`${thClasses} ${i > 0 ? "text-right" : ""}`}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className={`${tdClasses} font-normal`}>
                {row.header}
              </th>
              {row.cells.map((cell, i) => (
                <td key={i} className={`${tdClasses} text-right`}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
