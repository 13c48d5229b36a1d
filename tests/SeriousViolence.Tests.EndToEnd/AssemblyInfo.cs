// Two cores: one host and one Chromium at a time keeps timings steady.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
