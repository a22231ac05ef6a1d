// autocannon ships no types; the few parts of its programmatic API the benchmark uses.
declare module 'autocannon' {
  type Histogram = { average: number; p50: number; p99: number; min: number; max: number };
  export type Result = {
    requests: Histogram & { total: number };
    latency: Histogram;
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats?: Record<string, { count: number }>;
  };
  type Options = { url: string; connections?: number; duration?: number; pipelining?: number; timeout?: number; headers?: Record<string, string> };
  function autocannon(opts: Options): Promise<Result>;
  export default autocannon;
}
