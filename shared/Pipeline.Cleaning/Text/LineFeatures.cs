namespace Pipeline.Cleaning.Text;

/// <summary>
/// Describes each line of a text dump for the line model: its own shape (length, words, stop-word, capital,
/// punctuation and digit ratios, link and bullet marks, the rule kind that fired), where it stands (position,
/// paragraph block, share of the prose before and after it, repetition) and its neighbourhood.
/// </summary>
internal static class LineFeatures
{
    /// <summary>Features of one line on its own.</summary>
    public const int BaseWidth = 70;

    /// <summary>Window aggregates around a line.</summary>
    public const int ContextWidth = 10;

    /// <summary>The whole page's shape, the same for every line of it (see <see cref="FillPage"/>).</summary>
    public const int PageWidth = 10;

    /// <summary>The rule kinds the classifier and its helpers give text lines, one feature each.</summary>
    public static readonly string[] RuleKinds =
    [
        BoilerplateKinds.ShareButtons, BoilerplateKinds.ImageCredit, BoilerplateKinds.ImagePlaceholder, BoilerplateKinds.ContactBlock,
        BoilerplateKinds.Copyright, BoilerplateKinds.CallToAction, BoilerplateKinds.Promotion, BoilerplateKinds.SiteTagline,
        BoilerplateKinds.Navigation, BoilerplateKinds.CookieNotice, BoilerplateKinds.Newsletter, BoilerplateKinds.RelatedLinks,
        BoilerplateKinds.Repeated, BoilerplateKinds.Dateline, BoilerplateKinds.Byline, BoilerplateKinds.ShopWidget,
        BoilerplateKinds.Comments, BoilerplateKinds.Advertisement,
    ];

    /// <summary>Upper bounds of the word-count bins (the last bin is everything above).</summary>
    private static readonly int[] WordBins = [0, 1, 2, 3, 5, 8, 12, 20, 40];

    private const int KindStart = 40;

    /// <summary>A line of this many words is prose for the block and position features.</summary>
    private const int ProseLineWords = 8;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static LineFeatureTable Compute(List<TextUnit> units)
    {
        var n = units.Count;
        var table = new LineFeatureTable(n);
        if (n == 0)
        {
            return table;
        }

        var stats = new LineStats[n];
        var repeats = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var lengths = new List<int>(n);
        long proseTotal = 0;
        var shortLines = 0;
        for (var i = 0; i < n; i++)
        {
            stats[i] = LineStats.Of(units[i].Text);
            repeats[units[i].Text] = repeats.TryGetValue(units[i].Text, out var r) ? r + 1 : 1;
            if (units[i].Text.Length >= 20)
            {
                lengths.Add(units[i].Text.Length);
            }

            proseTotal += units[i].Words >= ProseLineWords ? units[i].Words : 0;
            shortLines += units[i].Words <= 4 ? 1 : 0;
        }

        // Text browsers wrap paragraphs at a fixed width: a line close to it is a wrapped paragraph's line.
        lengths.Sort();
        var wrap = lengths.Count == 0 ? 80 : Math.Max(40, lengths[(int)(lengths.Count * 0.9)]);
        var blockWords = new int[n];
        var blockLines = new int[n];
        for (var start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && !units[end].BlankBefore)
            {
                end++;
            }

            var words = 0;
            for (var k = start; k < end; k++)
            {
                words += units[k].Words;
            }

            for (var k = start; k < end; k++)
            {
                blockWords[k] = words;
                blockLines[k] = end - start;
            }

            start = end;
        }

        var tokens = new List<ulong>(n * 8);
        for (var i = 0; i < n; i++)
        {
            LineTokens.Add(units[i].Text, tokens);
            table.TokenStarts[i + 1] = tokens.Count;
        }

        table.SetTokens(tokens);
        long proseBefore = 0;
        var shortShare = (float)shortLines / n;
        var logLines = (float)Math.Log(1 + n) / 8;
        for (var i = 0; i < n; i++)
        {
            var u = units[i];
            var f = table.Base.AsSpan(i * BaseWidth, BaseWidth);
            var s = stats[i];
            var words = u.Words;
            table.Words[i] = words;
            f[0] = 1;
            f[1 + Bin(words)] = 1;
            f[11] = (float)Math.Log(1 + words) / 5;
            f[12] = (float)Math.Log(1 + u.Text.Length) / 7;
            var last = u.Text[^1];
            f[13] = last is '.' or '!' or '?' or '…' or '。' or '！' or '？' ? 1 : 0;
            f[14] = last is ':' ? 1 : 0;
            f[15] = last is ',' or ';' or '-' or '|' or '–' or '»' or '>' ? 1 : 0;
            var first = u.Text[0];
            f[16] = char.IsUpper(first) ? 1 : 0;
            f[17] = char.IsLower(first) ? 1 : 0;
            f[18] = char.IsDigit(first) ? 1 : 0;
            f[19] = !char.IsLetterOrDigit(first) ? 1 : 0;
            f[20] = s.Words == 0 ? 0 : (float)s.Capitalised / s.Words;
            f[21] = s.Words == 0 ? 0 : (float)s.StopWords / s.Words;
            f[22] = (float)s.Punctuation / u.Text.Length;
            f[23] = (float)s.Digits / u.Text.Length;
            f[24] = s.Link ? 1 : 0;
            f[25] = u.IsListItem ? 1 : 0;
            f[26] = first == '[' || last == ']' ? 1 : 0;
            f[27] = s.Separators >= 2 ? 1 : 0;
            f[28] = u.BlankBefore ? 1 : 0;
            f[29] = i + 1 >= n || units[i + 1].BlankBefore ? 1 : 0;
            f[30] = u.Indent is > 0 and < 8 ? 1 : 0;
            f[31] = u.Indent >= 8 ? 1 : 0;
            f[32] = n == 1 ? 0 : (float)i / (n - 1);
            f[33] = i < 5 ? 1 : 0;
            f[34] = i >= n - 5 ? 1 : 0;
            f[35] = repeats[u.Text] > 1 ? 1 : 0;
            f[36] = u.IsTitle ? 1 : 0;
            f[37] = u.IsHeading ? 1 : 0;
            f[38] = s.Words >= 2 && s.Capitalised == s.Words ? 1 : 0;
            f[39] = s.Letters >= 4 && s.Upper == s.Letters ? 1 : 0;
            if (u.Kind is not null)
            {
                var kind = Array.IndexOf(RuleKinds, u.Kind);
                f[KindStart + (kind < 0 ? RuleKinds.Length : kind)] = 1;
            }

            // 40..58: the rule kinds and "another kind".
            f[59] = Math.Min(1.5f, (float)u.Text.Length / wrap);
            f[60] = u.Text.Length >= wrap * 0.85 ? 1 : 0;
            f[61] = (float)Math.Log(1 + blockWords[i]) / 6;
            f[62] = (float)Math.Log(1 + blockLines[i]) / 3;
            f[63] = u.BlankBefore ? 0 : 1 - f[29];
            f[64] = proseTotal == 0 ? 0 : (float)proseBefore / proseTotal;
            proseBefore += words >= ProseLineWords ? words : 0;
            f[65] = proseTotal == 0 ? 0 : (float)(proseTotal - proseBefore) / proseTotal;
            f[66] = u.Text.Contains('?', StringComparison.Ordinal) ? 1 : 0;
            f[67] = shortShare;
            f[68] = logLines;
            f[69] = blockWords[i] >= 40 ? 1 : 0;
        }

        FillContext(table, units);
        FillPage(table, units, stats, wrap);
        return table;
    }

    /// <summary>
    /// The page's overall shape, so that the second pass can set different cut-offs per kind of page: a product or
    /// listing page is mostly short lines and lists, an article mostly long wrapped sentences.
    /// </summary>
    private static void FillPage(LineFeatureTable table, List<TextUnit> units, LineStats[] stats, int wrap)
    {
        var n = units.Count;
        int list = 0, prose = 0, sentences = 0, links = 0, ruled = 0, digits = 0, wrapped = 0, medium = 0;
        long words = 0, proseWords = 0;
        var counts = new int[n];
        for (var i = 0; i < n; i++)
        {
            var u = units[i];
            counts[i] = u.Words;
            words += u.Words;
            list += u.IsListItem ? 1 : 0;
            prose += u.Words >= ProseLineWords ? 1 : 0;
            proseWords += u.Words >= ProseLineWords ? u.Words : 0;
            sentences += u.EndsSentence ? 1 : 0;
            links += stats[i].Link ? 1 : 0;
            ruled += u.Kind is not null ? 1 : 0;
            digits += stats[i].Digits * 5 >= u.Text.Length ? 1 : 0;
            wrapped += u.Text.Length >= wrap * 0.85 ? 1 : 0;
            medium += u.Words is >= 5 and < ProseLineWords ? 1 : 0;
        }

        Array.Sort(counts);
        var page = table.Page;
        float lines = n;
        page[0] = list / lines;
        page[1] = prose / lines;
        page[2] = sentences / lines;
        page[3] = links / lines;
        page[4] = ruled / lines;
        page[5] = digits / lines;
        page[6] = wrapped / lines;
        page[7] = medium / lines;
        page[8] = words == 0 ? 0 : (float)proseWords / words;
        page[9] = (float)Math.Log(1 + counts[n / 2]) / 4;
    }

    private static int Bin(int words)
    {
        var b = 0;
        while (b < WordBins.Length && words > WordBins[b])
        {
            b++;
        }

        return b;
    }

    /// <summary>Means over windows of 3 and 8 lines either side: how long, how prose-like, how removed the surroundings are.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void FillContext(LineFeatureTable table, List<TextUnit> units)
    {
        var n = units.Count;
        var longPrefix = new int[n + 1];
        var shortPrefix = new int[n + 1];
        var ruledPrefix = new int[n + 1];
        var listPrefix = new int[n + 1];
        var sentencePrefix = new int[n + 1];
        for (var i = 0; i < n; i++)
        {
            var u = units[i];
            longPrefix[i + 1] = longPrefix[i] + (u.Words >= 10 ? 1 : 0);
            shortPrefix[i + 1] = shortPrefix[i] + (u.Words <= 4 ? 1 : 0);
            ruledPrefix[i + 1] = ruledPrefix[i] + (u.Kind is not null ? 1 : 0);
            listPrefix[i + 1] = listPrefix[i] + (u.IsListItem ? 1 : 0);
            sentencePrefix[i + 1] = sentencePrefix[i] + (u.EndsSentence ? 1 : 0);
        }

        for (var i = 0; i < n; i++)
        {
            var c = table.Context.AsSpan(i * ContextWidth, ContextWidth);
            var k = 0;
            foreach (var half in (ReadOnlySpan<int>)[3, 8])
            {
                int from = Math.Max(0, i - half), to = Math.Min(n, i + half + 1);
                float span = to - from;
                c[k++] = (longPrefix[to] - longPrefix[from]) / span;
                c[k++] = (shortPrefix[to] - shortPrefix[from]) / span;
                c[k++] = (ruledPrefix[to] - ruledPrefix[from]) / span;
                c[k++] = (listPrefix[to] - listPrefix[from]) / span;
                c[k++] = (sentencePrefix[to] - sentencePrefix[from]) / span;
            }
        }
    }
}
