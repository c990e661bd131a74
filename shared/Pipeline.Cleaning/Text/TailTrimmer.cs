namespace Pipeline.Cleaning.Text;

/// <summary>
/// Removes the sales tail after an article: a call to action or an "At Acme, we..." paragraph, and everything after it,
/// but only when everything after it is promotional too (a real paragraph after it means the article had not ended).
/// </summary>
internal static class TailTrimmer
{
    public static void Trim(List<TextUnit> units)
    {
        var kept = new List<int>();
        for (var i = 0; i < units.Count; i++)
        {
            if (units[i].Kept)
            {
                kept.Add(i);
            }
        }

        var brand = FindBrand(units, kept);
        for (var k = kept.Count / 2; k < kept.Count; k++)
        {
            var trigger = units[kept[k]];
            var isTrigger = (trigger.Words <= 12 && !trigger.IsListItem && LinePatterns.ImperativeStart().IsMatch(trigger.Text))
                || LinePatterns.AboutUsStart().IsMatch(trigger.Text);
            if (!isTrigger || !AllPromotional(units, kept, k, brand) || !HasSalesEvidence(units, kept, k, brand))
            {
                continue;
            }

            for (var j = k; j < kept.Count; j++)
            {
                var u = units[kept[j]];
                u.Kind = u.Words <= 12 && LinePatterns.ImperativeStart().IsMatch(u.Text) ? BoilerplateKinds.CallToAction : BoilerplateKinds.Promotion;
            }

            return;
        }
    }

    private static bool AllPromotional(List<TextUnit> units, List<int> kept, int from, string? brand)
    {
        for (var j = from; j < kept.Count; j++)
        {
            var u = units[kept[j]];
            var promotional = u.Words <= 4
                || (u.Words <= 12 && LinePatterns.ImperativeStart().IsMatch(u.Text))
                || LinePatterns.AboutUsStart().IsMatch(u.Text)
                || LinePatterns.PromotionalPhrase().IsMatch(u.Text)
                || (brand is not null && u.Text.Contains(brand, StringComparison.Ordinal));
            if (!promotional)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A short imperative alone ("Call your doctor if it persists.") can end an article; a tail is only trimmed when
    /// something in it actually sells: a known call to action, an about-us paragraph, a sales phrase or the brand.
    /// </summary>
    private static bool HasSalesEvidence(List<TextUnit> units, List<int> kept, int from, string? brand)
    {
        for (var j = from; j < kept.Count; j++)
        {
            var t = units[kept[j]].Text;
            if (LinePatterns.StrongCallToAction().IsMatch(t) || LinePatterns.AboutUsStart().IsMatch(t) || LinePatterns.PromotionalPhrase().IsMatch(t)
                || (brand is not null && t.Contains(brand, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"At Nushama, we..." names the business; later paragraphs naming it are its advertising.</summary>
    private static string? FindBrand(List<TextUnit> units, List<int> kept)
    {
        for (var k = kept.Count / 2; k < kept.Count; k++)
        {
            var t = units[kept[k]].Text;
            if (!(t.StartsWith("At ", StringComparison.Ordinal) || t.StartsWith("About ", StringComparison.Ordinal)) || !LinePatterns.AboutUsStart().IsMatch(t))
            {
                continue;
            }

            var start = t.IndexOf(' ', StringComparison.Ordinal) + 1;
            var comma = t.IndexOf(',', start);
            if (comma > start && comma - start <= 40)
            {
                return t[start..comma];
            }
        }

        return null;
    }
}
