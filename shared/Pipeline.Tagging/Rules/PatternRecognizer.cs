using System.Text.RegularExpressions;
using Pipeline.Tagging.Model;

namespace Pipeline.Tagging.Rules;

/// <summary>
/// Url, Email, Phone, Date and Quantity by source-generated regular expressions. Every repetition that can
/// start a match is bounded, so a pathological input (a 100,000-character token) stays linear.
/// </summary>
internal static partial class PatternRecognizer
{
    private const string Month = @"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)";
    private const string Num = @"(?:\d{1,3}(?:,\d{3}){1,4}|\d{1,12})(?:\.\d{1,8})?";
    private const string NumWord = @"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty|thirty|forty|fifty|sixty|hundred|a hundred|a few|several|a couple of)";
    private const string TimeUnit = @"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)";
    private const string Unit = @"(?:%|percent\b|per cent\b|mg/kg(?:/d(?:ay)?)?\b|mg/d(?:ay)?\b|mg/m2\b|mg\b|µg\b|μg\b|mcg\b|ng\b|g\b|kg\b|lbs?\b|ml\b|mL\b|L\b|mmol/L\b|mmHg\b|IU\b|units?\b|cm\b|mm\b|km\b|hrs?\b|h\b|mins?\b|" + TimeUnit + @"\b(?:\s+old\b)?|times\b|doses?\b|sessions\b|infusions\b|patients\b|participants\b|people\b|adults\b|children\b|women\b|men\b|subjects\b|cases\b|individuals\b|Americans\b|deaths\b|cups?\b|glasses\b|servings\b|pounds\b|miles\b|meters\b|feet\b|inches\b)";

    public static void Find(string text, List<Candidate> output)
    {
        foreach (var m in UrlRegex().EnumerateMatches(text))
        {
            var end = TrimUrlEnd(text, m.Index, m.Index + m.Length);
            output.Add(new Candidate(m.Index, end, EntityTypes.Url, 100, null, null));
        }

        if (text.Contains('@', StringComparison.Ordinal))
        {
            foreach (var m in EmailRegex().EnumerateMatches(text))
            {
                output.Add(new Candidate(m.Index, m.Index + m.Length, EntityTypes.Email, 100, null, null));
            }
        }

        foreach (var m in PhoneRegex().EnumerateMatches(text))
        {
            var digits = 0;
            foreach (var c in text.AsSpan(m.Index, m.Length))
            {
                digits += char.IsAsciiDigit(c) ? 1 : 0;
            }

            if (digits is >= 7 and <= 15)
            {
                output.Add(new Candidate(m.Index, m.Index + m.Length, EntityTypes.Phone, 95, null, null));
            }
        }

        foreach (var m in DateRegex().EnumerateMatches(text))
        {
            output.Add(new Candidate(m.Index, m.Index + m.Length, EntityTypes.Date, 60, ValueNormalizer.Date(text.Substring(m.Index, m.Length)), null));
        }

        foreach (Match m in YearRegex().Matches(text))
        {
            var g = m.Groups[1];
            output.Add(new Candidate(g.Index, g.Index + g.Length, EntityTypes.Date, 59, g.Value, null));
        }

        // "a 2007 French study", "the 2000 Danish study", "2000 Danish study".
        foreach (Match m in YearBeforeNounRegex().Matches(text))
        {
            var g = m.Groups[1].Success ? m.Groups[1] : m.Groups[2];
            output.Add(new Candidate(g.Index, g.Index + g.Length, EntityTypes.Date, 59, g.Value, null));
        }

        foreach (var m in MoneyRegex().EnumerateMatches(text))
        {
            output.Add(new Candidate(m.Index, m.Index + m.Length, EntityTypes.Quantity, 46, ValueNormalizer.Quantity(text.Substring(m.Index, m.Length)), null));
        }

        foreach (var m in QuantityRegex().EnumerateMatches(text))
        {
            output.Add(new Candidate(m.Index, m.Index + m.Length, EntityTypes.Quantity, 45, ValueNormalizer.Quantity(text.Substring(m.Index, m.Length)), null));
        }
    }

    private static int TrimUrlEnd(string text, int start, int end)
    {
        while (end > start && text[end - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '\'' or '"')
        {
            end--;
        }

        return end;
    }

    [GeneratedRegex(@"\b(?:https?://|www\.)[^\s<>""'\u201C\u201D\u2018\u2019\[\]{}|\\^`]{1,2000}|\b[A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){0,3}\.(?:com|org|net|gov|edu|info|health|io)\b(?!@)(?:/[^\s<>""]{0,500})?", RegexOptions.CultureInvariant)]
    private static partial Regex UrlRegex();

    [GeneratedRegex(@"\b[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,5}\.[A-Za-z]{2,24}\b", RegexOptions.CultureInvariant)]
    private static partial Regex EmailRegex();

    [GeneratedRegex(@"(?<![\w+.-])(?:(?:\+|00)\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,5}(?:[ .-]\d{2,7}){1,4}|(?:1[ .-])?(?:\(\d{3}\)\s?|\d{3}[.-])\d{3}[ .-]\d{4}|0\d{2,4}[ -]\d{3,4}[ -]\d{3,4}|0\d{3,4}[ -]\d{6,7})(?![\w-]|\.\d)", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneRegex();

    [GeneratedRegex(@"\b(?:" + Month + @"\s\d{1,2}(?:st|nd|rd|th)?,?\s\d{4}|\d{1,2}(?:st|nd|rd|th)?\s(?:of\s)?" + Month + @",?\s\d{4}|" + Month + @",?\s(?:1[89]|20)\d{2}|" + Month + @"\s\d{1,2}(?:st|nd|rd|th)?\b|(?:1[89]|20)\d{2}-[01]\d-[0-3]\d|[01]?\d/[0-3]?\d/(?:1[89]|20)\d{2}|(?:1[89]|20)\d0s|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b", RegexOptions.CultureInvariant)]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"\b(?:[Ii]n|[Ss]ince|by|from|until|till|during|before|after|circa|around|early|late|mid|year|of|through|between|and)\s((?:1[89]|20)\d{2})\b(?![-–.,]?\d|\s?%|\s(?:patients|participants|people|mg|subjects))", RegexOptions.CultureInvariant)]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"(?<![\w.])(?:(?:" + Num + @")(?:\s?(?:-|–|to)\s?(?:" + Num + @"))?(?:\s(?:thousand|million|billion|trillion))?\s?" + Unit + @"|" + Num + @"\s(?:thousand|million|billion|trillion)\b|\b" + NumWord + @"[- ](?:" + TimeUnit + @"|week|month|year|day|hour|minute|thousand|million|billion)\b|\d{1,3}-(?:year|month|week|day)-old\b|\d{1,4}-(?:second|minute|hour|day|week|month|year)\b)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex QuantityRegex();

    [GeneratedRegex(@"(?:(?<![\w$])(?:US\$|C\$|A\$|[$€£¥₹])\s?" + Num + @"(?:\s?(?:thousand|million|billion|trillion|bn|m)\b)?|\b(?:USD|EUR|GBP|CHF|JPY|CAD|AUD|INR)\s?" + Num + @"(?:\s(?:thousand|million|billion|trillion)\b)?|(?<![\w.])" + Num + @"(?:\s(?:thousand|million|billion|trillion))?\s(?:dollars|euros|USD|EUR|GBP)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex MoneyRegex();

    [GeneratedRegex(@"(?:\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur)\s((?:1[89]|20)\d{2})\s(?=[A-Za-z])(?!(?:patients|participants|people|subjects|cases|mg|women|men|children|adults)\b)|\b((?:1[89]|20)\d{2})\s(?=(?:[A-Z][a-z]+\s)?(?:study|trial|survey|report|review|analysis|paper|census|election|season|law|act|edition|cohort|guidelines?)\b))", RegexOptions.CultureInvariant)]
    private static partial Regex YearBeforeNounRegex();
}
