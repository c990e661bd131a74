using System.Diagnostics;

namespace Pipeline.Tagging.Tests;

/// <summary>
/// Process CPU time since creation. Used instead of wall time because the test machine is shared: waiting for a
/// core is not work, while a quadratic step shows up as CPU time whatever the load.
/// </summary>
internal sealed class CpuClock
{
    private readonly TimeSpan _start = Process.GetCurrentProcess().TotalProcessorTime;

    public TimeSpan Elapsed => Process.GetCurrentProcess().TotalProcessorTime - _start;
}
