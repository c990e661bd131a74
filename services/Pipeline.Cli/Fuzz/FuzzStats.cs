namespace Pipeline.Cli.Fuzz;

/// <summary>What one worker (or, summed, one target) saw: inputs run, named rejections, unexpected errors, the slowest inputs.</summary>
internal sealed class FuzzStats
{
    public long Inputs { get; set; }

    public long Rejected { get; set; }

    public long Errors { get; set; }

    public int Crashes { get; set; }

    public int Hangs { get; set; }

    /// <summary>The worst cleaning time per MB among inputs of at least <see cref="FuzzWorker.MinBytesForRate"/> bytes.</summary>
    public double WorstSecondsPerMb { get; set; }

    public int WorstRateBytes { get; set; }

    public double SlowestMs { get; set; }

    public int SlowestBytes { get; set; }

    public void Add(FuzzStats other)
    {
        Inputs += other.Inputs;
        Rejected += other.Rejected;
        Errors += other.Errors;
        Crashes += other.Crashes;
        Hangs += other.Hangs;
        if (other.WorstSecondsPerMb > WorstSecondsPerMb)
        {
            (WorstSecondsPerMb, WorstRateBytes) = (other.WorstSecondsPerMb, other.WorstRateBytes);
        }

        if (other.SlowestMs > SlowestMs)
        {
            (SlowestMs, SlowestBytes) = (other.SlowestMs, other.SlowestBytes);
        }
    }
}
