/** One measured figure, as printed in the `npm run bench` table and written to bench-results/. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: string;
  note?: string;
}
