using Pipeline.Cleaning;

namespace Pipeline.Extraction;

/// <summary>The bytes a file may still expand to, shared by every archive, package and attachment inside it.</summary>
internal sealed class ExpansionBudget(long limit)
{
    private long spent;

    public long Remaining => limit - spent;

    public void Spend(long bytes, string what)
    {
        spent += bytes;
        if (spent > limit)
        {
            throw new CleaningRejectedException("too-large-expanded", $"Expanding {what} goes past the limit of {limit:N0} bytes (Pipeline:MaxExpandedBytes).");
        }
    }
}
