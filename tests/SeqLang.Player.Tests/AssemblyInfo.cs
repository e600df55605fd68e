// Timing tests share two noisy cores and one JACK server: nothing else runs beside them.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
