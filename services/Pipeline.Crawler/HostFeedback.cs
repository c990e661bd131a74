namespace Pipeline.Crawler;

/// <summary>What a finished request says about its host, for politeness.</summary>
internal enum HostFeedback
{
    /// <summary>No request was made (the slot was taken and given back).</summary>
    NoRequest,

    /// <summary>A normal answer: the plain delay applies and any backoff ends.</summary>
    Success,

    /// <summary>429/503, a 5xx or no answer: back off exponentially (or as long as Retry-After says).</summary>
    Slowdown,
}
