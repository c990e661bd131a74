using System.Globalization;

namespace Pipeline.Integration.Tests;

/// <summary>What one fault-suite run left behind, and its row of the table.</summary>
internal sealed record FaultOutcome(TimeSpan Elapsed, int Lost, int StoredTwice, int Stuck, int DeadLettered, IReadOnlyList<string> Failed, IReadOnlyList<string> ExitedByItself)
{
    public string Row(string name, TimeSpan baseline) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {name} | {Lost} | {StoredTwice} | {Stuck} | {DeadLettered} | {Elapsed.TotalSeconds:F1} s | {Elapsed / baseline:F2} |");

    /// <summary>Every way the run fell short of the fault-free one (none when it lost, repeated and stranded nothing).</summary>
    public IEnumerable<string> Problems(string name)
    {
        if (Lost > 0)
        {
            yield return $"{name}: {Lost} documents not stored or not in done/.";
        }

        if (StoredTwice > 0)
        {
            yield return $"{name}: {StoredTwice} documents stored twice.";
        }

        if (Stuck > 0)
        {
            yield return $"{name}: {Stuck} files or messages stuck.";
        }

        if (DeadLettered > 0)
        {
            yield return $"{name}: {DeadLettered} messages in _error or _skipped queues.";
        }

        if (Failed.Count > 0)
        {
            yield return $"{name}: good documents in failed/: {string.Join(", ", Failed.Take(5))}.";
        }

        if (ExitedByItself.Count > 0)
        {
            yield return $"{name}: services exited by themselves: {string.Join(", ", ExitedByItself)}.";
        }
    }
}
