namespace Pipeline.Storage;

/// <summary>One line of a site: in how many documents it appeared, and the site's document number when it was first counted.</summary>
public readonly record struct SiteLineCount(long Count, long FirstSeen);
