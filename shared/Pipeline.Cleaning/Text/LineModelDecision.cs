namespace Pipeline.Cleaning.Text;

/// <summary>
/// Applies the line model's keep/remove decision to a page dump the rules have already gone over. A removed line
/// keeps the kind a rule gave it; otherwise it is named from its shape: a short label is navigation, a list item or
/// a link a link list, anything longer text outside the main content.
/// </summary>
internal static class LineModelDecision
{
    /// <summary>A line of at most this many words that the model removes is a menu label.</summary>
    private const int LabelWords = 4;

    public static void Apply(LineModel model, List<TextUnit> units)
    {
        var p = model.Predict(units);
        for (var i = 0; i < units.Count; i++)
        {
            var u = units[i];
            if (u.IsTitle)
            {
                continue;
            }

            if (p[i] >= model.Threshold)
            {
                u.Kind = null;
            }
            else
            {
                u.Kind ??= KindOf(u);
            }
        }
    }

    /// <summary>The kind a line removed by the model alone is reported under.</summary>
    public static string KindOf(TextUnit u)
    {
        if (u.IsListItem || u.Text.Contains("http", StringComparison.OrdinalIgnoreCase) || u.Text.Contains("www.", StringComparison.OrdinalIgnoreCase))
        {
            return BoilerplateKinds.LinkList;
        }

        return u.Words <= LabelWords ? BoilerplateKinds.Navigation : BoilerplateKinds.OutsideMainContent;
    }
}
