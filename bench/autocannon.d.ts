// autocannon ships no types (and @types/autocannon is not installed): the little bench/run.ts uses.
declare module 'autocannon' {
  export interface Options {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** Seconds before a request counts as timed out. */
    timeout?: number;
    pipelining?: number;
    headers?: Record<string, string>;
    method?: string;
  }
  export interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p99: number;
  }
  export interface Result {
    url: string;
    connections: number;
    /** Seconds. */
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    resets: number;
    /** Milliseconds. */
    latency: Histogram;
    /** Requests per second (per-second samples); total = completed requests. */
    requests: Histogram & { sent: number };
    /** Bytes per second (per-second samples); total = bytes received. */
    throughput: Histogram;
    statusCodeStats: Record<string, { count: number }>;
  }
  export interface Instance extends PromiseLike<Result> {
    stop(): void;
  }
  /** Without a callback: a thenable run that resolves with the result. */
  function autocannon(options: Options): Instance;
  export default autocannon;
}
