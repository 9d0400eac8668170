// Benchmarks print figures and ratios measured in the same run; they never fail on timing.
console.log("no benchmarks yet");
