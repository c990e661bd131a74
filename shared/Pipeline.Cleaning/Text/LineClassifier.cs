namespace Pipeline.Cleaning.Text;

/// <summary>Marks lines that are boilerplate on their own (share buttons, credits, notices...) and runs of them (contact blocks, related lists).</summary>
internal static class LineClassifier
{
    /// <summary>Lines longer than this are prose, never a widget label.</summary>
    private const int ShortLine = 12;

    /// <summary>The breadcrumb pattern backtracks; most lines have none of its separators and skip it.</summary>
    // Cheap vectorised gates: a line without any of these words cannot match the (slower, unanchored) pattern behind them.
    // "©" is looked for on its own: with it among the words, the search takes a much slower path for non-ASCII words.
    // The same lines pass: no other character equals "©" or an ASCII letter under OrdinalIgnoreCase.
    public static readonly string[] CreditWordList =
        ["(c)", "copyright", "provided by", "photo", "image", "picture", "illustration", "credit", "source", "foto", "getty", "shutterstock", "istock", "unsplash", "pexels", "pixabay", "reuters"];

    public static readonly string[] FooterWordList = ["(c)", "copyright", "rights reserved", " by", "privacy", "terms", "cookie", "sitemap", "imprint", "impressum"];

    private static readonly System.Buffers.SearchValues<string> CreditWords = System.Buffers.SearchValues.Create(CreditWordList, StringComparison.OrdinalIgnoreCase);

    private static readonly System.Buffers.SearchValues<string> FooterWords = System.Buffers.SearchValues.Create(FooterWordList, StringComparison.OrdinalIgnoreCase);

    private static readonly System.Buffers.SearchValues<string> NoticeWords = System.Buffers.SearchValues.Create(
        ["cookie", "consent", "by continuing", "newsletter", "subscribe", "sign up", "mailing list", "e-mail", "email", "inbox"], StringComparison.OrdinalIgnoreCase);

    private static readonly System.Buffers.SearchValues<string> DisclosureWords = System.Buffers.SearchValues.Create(
        ["affiliate", "commission", "compensation", "associate", "independently", "purchases made", "supported by", "through our links", "through links"], StringComparison.OrdinalIgnoreCase);

    private static readonly System.Buffers.SearchValues<char> BreadcrumbSeparators = System.Buffers.SearchValues.Create(">»›/|·•→:");

    public static void ClassifySingleLines(List<TextUnit> units)
    {
        foreach (var u in units)
        {
            u.Kind ??= Classify(u);
        }
    }

    private static string? Classify(TextUnit u)
    {
        var t = u.IsListItem ? LinePatterns.ListMarker().Replace(u.Text, string.Empty) : u.Text;
        t = TrimDecoration(t);
        if (u.Words <= ShortLine)
        {
            if (LinePatterns.Share().IsMatch(t))
            {
                return BoilerplateKinds.ShareButtons;
            }

            if (LinePatterns.ImagePlaceholder().IsMatch(t))
            {
                return BoilerplateKinds.ImagePlaceholder;
            }

            if (u.Words <= 10 && LinePatterns.ShopLine().IsMatch(t))
            {
                return BoilerplateKinds.ShopWidget;
            }

            if (LinePatterns.AdLabel().IsMatch(t))
            {
                return BoilerplateKinds.Advertisement;
            }

            if (LinePatterns.Byline().IsMatch(t))
            {
                return BoilerplateKinds.Byline;
            }

            if (UtilityLineMatcher.IsMatch(t))
            {
                return BoilerplateKinds.Navigation;
            }

            if (IsNavigationWord(t) || (!u.EndsSentence && t.AsSpan().IndexOfAny(BreadcrumbSeparators) >= 0 && LinePatterns.Breadcrumb().IsMatch(t)))
            {
                return BoilerplateKinds.Navigation;
            }
        }

        if (u.Words <= 25)
        {
            if (LinePatterns.CommentPrompt().IsMatch(t))
            {
                return BoilerplateKinds.Comments;
            }

            if (LinePatterns.RelatedInline().IsMatch(t))
            {
                return BoilerplateKinds.RelatedLinks;
            }

            if (HasCopyrightSignOr(t, CreditWords) && LinePatterns.ImageCredit().IsMatch(t))
            {
                return BoilerplateKinds.ImageCredit;
            }

            if (HasCopyrightSignOr(t, FooterWords) && LinePatterns.Copyright().IsMatch(t))
            {
                return BoilerplateKinds.Copyright;
            }
        }

        if (u.Words <= 60 && t.AsSpan().IndexOfAny(DisclosureWords) >= 0 && LinePatterns.AffiliateDisclosure().IsMatch(t))
        {
            // "We may earn a commission": the site's disclosure, not the article's text.
            return BoilerplateKinds.Advertisement;
        }

        if (u.Words <= 60 && t.AsSpan().IndexOfAny(NoticeWords) >= 0)
        {
            if (LinePatterns.Cookie().IsMatch(t))
            {
                return BoilerplateKinds.CookieNotice;
            }

            if (LinePatterns.Newsletter().IsMatch(t))
            {
                return BoilerplateKinds.Newsletter;
            }
        }

        return null;
    }

    /// <summary>Navigation words in two patterns: the unanchored "next »" one is only tried on a line holding one of its arrows.</summary>
    public static bool IsNavigationWord(string t) =>
        LinePatterns.NavigationLabel().IsMatch(t) || (t.AsSpan().IndexOfAny('»', '›', '>') >= 0 && LinePatterns.NavigationArrow().IsMatch(t));

    /// <summary>Whether the line has "©" or one of the words (the gate of the credit and footer patterns).</summary>
    public static bool HasCopyrightSignOr(string t, System.Buffers.SearchValues<string> words) => t.Contains('©', StringComparison.Ordinal) || t.AsSpan().IndexOfAny(words) >= 0;

    /// <summary>Emoji, hearts and arrows around a label ("🚀 Sign up", "♥ Donate today! ♥") do not change what it is.</summary>
    private static string TrimDecoration(string t)
    {
        int start = 0, end = t.Length;
        while (start < end && IsDecoration(t[start]))
        {
            start++;
        }

        while (end > start && IsDecoration(t[end - 1]))
        {
            end--;
        }

        return start == 0 && end == t.Length ? t : t[start..end];
    }

    private static bool IsDecoration(char c) => char.GetUnicodeCategory(c) is
        System.Globalization.UnicodeCategory.OtherSymbol or System.Globalization.UnicodeCategory.Surrogate or
        System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.Format or
        System.Globalization.UnicodeCategory.SpaceSeparator || c is '\u00a0';

    /// <summary>Address, phone, website and social lines come in groups; one such line alone is usually part of the text.</summary>
    public static void MarkContactBlocks(List<TextUnit> units)
    {
        var i = 0;
        while (i < units.Count)
        {
            if (!IsContactLine(units[i]))
            {
                i++;
                continue;
            }

            var end = i;
            while (end + 1 < units.Count && (IsContactLine(units[end + 1]) || units[end + 1].Kind == BoilerplateKinds.Copyright))
            {
                end++;
            }

            var contacts = 0;
            for (var k = i; k <= end; k++)
            {
                contacts += IsContactLine(units[k]) ? 1 : 0;
            }

            if (contacts >= 2)
            {
                for (var k = i; k <= end; k++)
                {
                    units[k].Kind ??= BoilerplateKinds.ContactBlock;
                }

                // The company name usually heads the block: a short label line, not a sentence.
                if (i > 0 && units[i - 1].Kept && units[i - 1].Words <= 6 && !units[i - 1].EndsSentence && !units[i - 1].IsListItem)
                {
                    units[i - 1].Kind = BoilerplateKinds.ContactBlock;
                }
            }

            i = end + 1;
        }
    }

    private static bool IsContactLine(TextUnit u) =>
        u.Words <= 15 && (u.Kind is null or BoilerplateKinds.ContactBlock) && !u.IsListItem && LinePatterns.ContactLine().IsMatch(u.Text);

    /// <summary>A "Related posts" heading takes the short link-title lines under it with it.</summary>
    public static void MarkRelatedLists(List<TextUnit> units)
    {
        for (var i = 0; i < units.Count; i++)
        {
            var u = units[i];
            if (u.Kind is not null || u.Words > 6 || !LinePatterns.RelatedHeading().IsMatch(u.Text))
            {
                continue;
            }

            u.Kind = BoilerplateKinds.RelatedLinks;
            for (var k = i + 1; k < units.Count && units[k].Words <= 20 && !units[k].EndsSentence; k++)
            {
                units[k].Kind ??= BoilerplateKinds.RelatedLinks;
            }
        }
    }

    /// <summary>A sentence that appears twice (teaser echoed as caption, pull quotes) is kept once.</summary>
    public static void MarkRepeats(List<TextUnit> units)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var u in units)
        {
            if (u.Words < 6)
            {
                continue;
            }

            if (!seen.Add(u.Text))
            {
                u.Kind ??= BoilerplateKinds.Repeated;
            }
        }
    }

    /// <summary>Strong calls to action ("Learn more", "Read more") are boilerplate wherever they stand as a short line.</summary>
    public static void MarkCallsToAction(List<TextUnit> units)
    {
        foreach (var u in units)
        {
            if (u.Kind is null && !u.IsTitle && u.Words <= 8 && !u.IsListItem && LinePatterns.StrongCallToAction().IsMatch(u.Text))
            {
                u.Kind = BoilerplateKinds.CallToAction;
            }
        }
    }
}
