namespace Pipeline.Cli.Bench;

/// <summary>The figures of one benchmark run: one deployment, flat out or at an offered rate.</summary>
internal sealed record BenchResult(
    string Mode,
    double? OfferedRate,
    int Documents,
    int Stored,
    int Duplicates,
    IReadOnlyDictionary<string, int> Rejected,
    int Missing,
    double Seconds,
    double DocumentsPerSecond,
    BenchLatency? Latency,
    BenchLatency? WebPageLatency,
    IReadOnlyList<BenchProcessFigures> Processes)
{
    public string Label => OfferedRate is { } rate ? $"{Mode} at {rate:0.#} docs/s offered" : $"{Mode} flat out";
}

/// <summary>Drop-to-stored latency in milliseconds: from the file's arrival in the inbox to the store's write.</summary>
internal sealed record BenchLatency(double P50, double P90, double P99, double Max)
{
    /// <summary>The distribution, or null when nothing was stored.</summary>
    public static BenchLatency? Of(List<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            return null;
        }

        milliseconds.Sort();
        double At(double p) => milliseconds[Math.Min(milliseconds.Count - 1, Math.Max(0, (int)Math.Ceiling(p * milliseconds.Count) - 1))];
        return new BenchLatency(At(0.5), At(0.9), At(0.99), milliseconds[^1]);
    }
}

/// <summary>One process's CPU time during the run and its peak resident memory.</summary>
internal sealed record BenchProcessFigures(string Name, double CpuSeconds, double DocumentsPerCpuSecond, double PeakMegabytes);
