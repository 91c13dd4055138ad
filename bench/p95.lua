-- wrk script: print latency percentiles in milliseconds, machine-readable
done = function(summary, latency, requests)
  io.write(string.format("hoptac-percentiles p50=%.2f p95=%.2f p99=%.2f requests=%d errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
