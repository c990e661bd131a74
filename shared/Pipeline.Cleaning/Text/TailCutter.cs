using System.Text.RegularExpressions;
namespace Pipeline.Cleaning.Text;

/// <summary>
/// Cuts the main block at a "Related posts", "Comments" or "About the author" heading: what follows such a heading
/// is the site's furniture. The cut is skipped when it would take a large share of the text (a forum's replies).
/// </summary>
internal static partial class TailCutter
{
    private const double MaxShare = 0.4;

    [GeneratedRegex(@"^((\d+\s+)?(comments?|responses?|replies)(\s*\(\d+\))?|leave a (reply|comment)|post a comment|what do you think\?|add a comment|join the (discussion|conversation)|about the author|more (articles|stories|posts|from\b.*)|explore more( articles| posts| stories)?|recent (posts|articles|stories)|latest (posts|articles|news|stories)|you (may|might) also (like|enjoy)|recommended( for you| reading| articles| posts)?|popular (posts|articles|stories)|read next|trending( now| articles)?|related( posts| articles| stories| reading| content)?|keep reading|further reading|share (this|it)( (article|post|story))?|sign up for (our|the) newsletter|subscribe to (our|the) newsletter)[\s:.!]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CutHeading();

    public static void Cut(List<TextUnit> units)
    {
        var total = 0;
        foreach (var u in units)
        {
            total += u.Text.Length;
        }

        var after = total;
        for (var i = 0; i < units.Count; i++)
        {
            var u = units[i];
            after -= u.Text.Length;
            if (i < 2 || u.Words > 8 || u.IsListItem || !CutHeading().IsMatch(u.Text) || after > total * MaxShare)
            {
                continue;
            }

            var kind = u.Text.Contains("comment", StringComparison.OrdinalIgnoreCase) || u.Text.Contains("repl", StringComparison.OrdinalIgnoreCase) || u.Text.Contains("respons", StringComparison.OrdinalIgnoreCase) || u.Text.Contains("discussion", StringComparison.OrdinalIgnoreCase)
                ? BoilerplateKinds.Comments
                : BoilerplateKinds.RelatedLinks;
            for (var k = i; k < units.Count; k++)
            {
                units[k].Kind ??= kind;
            }

            return;
        }
    }
}
