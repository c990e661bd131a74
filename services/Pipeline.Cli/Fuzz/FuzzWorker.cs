using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Pipeline.Cleaning;
using Pipeline.Extraction;

namespace Pipeline.Cli.Fuzz;

/// <summary>
/// The child process of <c>pipeline fuzz</c>: mutates the target's seeds and runs each input through the extractor
/// and cleaner the Cleaner service uses. Each input is written to <c>current-TARGET.bin</c> before it runs, so that when
/// the process dies (a stack overflow cannot be caught) the parent knows which input killed it. An input running longer
/// than the hang limit is saved to <c>hangs/</c> and the process exits with <see cref="HangExit"/>.
/// </summary>
internal sealed class FuzzWorker(FuzzTarget target, string output, TimeSpan hangLimit)
{
    public const int HangExit = 3;
    public const int MinBytesForRate = 4096;
    private const int MaxErrorsSaved = 20;
    private readonly DocumentExtractor extractor = new(new DocumentCleaner());
    private readonly FuzzStats stats = new();
    private long startedAt = long.MaxValue;

    public static string CurrentPath(string output, string target) => Path.Combine(output, $"current-{target}.bin");

    public static string StatsPath(string output, string target, int seed) => Path.Combine(output, $"stats-{target}-{seed}.json");

    public int Run(FuzzCorpus corpus, int seed, TimeSpan duration, int maxBytes)
    {
        var seeds = target.Seeds(corpus.Texts, corpus.Pages).Where(s => s.Length <= maxBytes).ToList();
        if (seeds.Count == 0)
        {
            Console.Error.WriteLine($"No seeds for {target.Name}.");
            return 2;
        }

        var random = new Random(seed);
        var mutator = new Mutator(random, maxBytes);
        var current = CurrentPath(output, target.Name);
        using var watchdog = new Timer(_ => CheckHang(seed), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        // The first inputs pay for compiling the decoders: they would top the time-per-MB list every run.
        foreach (var warmUp in seeds.Take(3))
        {
            File.WriteAllBytes(current, warmUp);
            RunOne(warmUp);
        }

        (stats.SlowestMs, stats.SlowestBytes, stats.WorstSecondsPerMb, stats.WorstRateBytes) = (0, 0, 0, 0);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < duration)
        {
            // One input in eight is a seed as it is, so the decoders' normal paths stay covered.
            var input = random.Next(8) == 0 ? seeds[random.Next(seeds.Count)] : mutator.Mutate(seeds[random.Next(seeds.Count)], seeds[random.Next(seeds.Count)]);
            File.WriteAllBytes(current, input);
            RunOne(input);
        }

        Interlocked.Exchange(ref startedAt, long.MaxValue);
        WriteStats(seed);
        return 0;
    }

    private void RunOne(byte[] input)
    {
        var clock = Stopwatch.StartNew();
        Interlocked.Exchange(ref startedAt, Stopwatch.GetTimestamp());
        try
        {
            extractor.Process(new CleaningInput(input, target.FileName));
        }
        catch (CleaningRejectedException)
        {
            stats.Rejected++;
        }
        catch (Exception ex)
        {
            // Not a crash (the Cleaner service would dead-letter the message), but not a named rejection either.
            if (++stats.Errors <= MaxErrorsSaved)
            {
                Save("errors", input, ex.GetType().Name + ": " + ex.Message);
            }
        }

        Interlocked.Exchange(ref startedAt, long.MaxValue);
        var ms = clock.Elapsed.TotalMilliseconds;
        stats.Inputs++;
        if (ms > stats.SlowestMs)
        {
            (stats.SlowestMs, stats.SlowestBytes) = (ms, input.Length);
        }

        var perMb = ms / 1000 / (input.Length / 1048576.0);
        if (input.Length >= MinBytesForRate && perMb > stats.WorstSecondsPerMb)
        {
            (stats.WorstSecondsPerMb, stats.WorstRateBytes) = (perMb, input.Length);
            Save("slowest", input, $"{perMb:F2} s/MB", replace: true);
        }
    }

    private void CheckHang(int seed)
    {
        var started = Interlocked.Read(ref startedAt);
        if (started == long.MaxValue || Stopwatch.GetElapsedTime(started) < hangLimit)
        {
            return;
        }

        stats.Hangs++;
        Save("hangs", File.ReadAllBytes(CurrentPath(output, target.Name)), $"ran longer than {hangLimit.TotalSeconds:F0} s");
        WriteStats(seed);
        Environment.Exit(HangExit);
    }

    private void Save(string kind, byte[] input, string why, bool replace = false)
    {
        var folder = Directory.CreateDirectory(Path.Combine(output, kind)).FullName;
        var name = replace ? $"{target.Name}-slowest" : $"{target.Name}-{Convert.ToHexStringLower(SHA256.HashData(input))[..16]}";
        File.WriteAllBytes(Path.Combine(folder, name + ".bin"), input);
        File.WriteAllText(Path.Combine(folder, name + ".txt"), why + "\n");
    }

    private void WriteStats(int seed) => File.WriteAllText(StatsPath(output, target.Name, seed), JsonSerializer.Serialize(stats));
}
