using System.Text;
using Pipeline.Cleaning;

namespace Pipeline.Cleaning.Tests;

public sealed class DocumentCleanerTests
{
    [Fact]
    public void Rejects_empty_input_with_a_reason()
    {
        var ex = Assert.Throws<CleaningRejectedException>(() => new DocumentCleaner().Clean(new CleaningInput(Encoding.UTF8.GetBytes("  \n "), "a.txt")));
        Assert.Equal("empty", ex.Reason);
    }
}
