namespace Pipeline.Cleaning.Html;

/// <summary>What class, id and role names say about an element: boilerplate (and which kind) or content.</summary>
internal static class ClassHints
{
    private static readonly Dictionary<string, string> Negative = new(StringComparer.OrdinalIgnoreCase)
    {
        ["nav"] = BoilerplateKinds.Navigation, ["navbar"] = BoilerplateKinds.Navigation, ["navigation"] = BoilerplateKinds.Navigation,
        ["menu"] = BoilerplateKinds.Navigation, ["breadcrumb"] = BoilerplateKinds.Navigation, ["breadcrumbs"] = BoilerplateKinds.Navigation,
        ["pagination"] = BoilerplateKinds.Navigation, ["pager"] = BoilerplateKinds.Navigation, ["skip"] = BoilerplateKinds.Navigation,
        ["toc"] = BoilerplateKinds.Navigation, ["table-of-contents"] = BoilerplateKinds.Navigation,
        ["byline"] = BoilerplateKinds.Byline, ["author-bio"] = BoilerplateKinds.Byline, ["about-author"] = BoilerplateKinds.Byline, ["author-box"] = BoilerplateKinds.Byline,
        ["authorbox"] = BoilerplateKinds.Byline, ["author-info"] = BoilerplateKinds.Byline, ["author-card"] = BoilerplateKinds.Byline, ["reading-time"] = BoilerplateKinds.Byline, ["masthead"] = BoilerplateKinds.OutsideMainContent,
        ["drawer"] = BoilerplateKinds.Navigation, ["offcanvas"] = BoilerplateKinds.Navigation, ["off-canvas"] = BoilerplateKinds.Navigation,
        ["megamenu"] = BoilerplateKinds.Navigation, ["mega-menu"] = BoilerplateKinds.Navigation, ["mobile-menu"] = BoilerplateKinds.Navigation,
        ["announcement-bar"] = BoilerplateKinds.Promotion, ["announcement"] = BoilerplateKinds.Promotion, ["topbar"] = BoilerplateKinds.OutsideMainContent,
        ["footer"] = BoilerplateKinds.Copyright, ["copyright"] = BoilerplateKinds.Copyright, ["colophon"] = BoilerplateKinds.Copyright,
        ["sidebar"] = BoilerplateKinds.OutsideMainContent, ["widget"] = BoilerplateKinds.OutsideMainContent, ["widgets"] = BoilerplateKinds.OutsideMainContent,
        ["share"] = BoilerplateKinds.ShareButtons, ["sharing"] = BoilerplateKinds.ShareButtons, ["social"] = BoilerplateKinds.ShareButtons,
        ["sharedaddy"] = BoilerplateKinds.ShareButtons, ["addthis"] = BoilerplateKinds.ShareButtons, ["shareaholic"] = BoilerplateKinds.ShareButtons,
        ["related"] = BoilerplateKinds.RelatedLinks, ["recommended"] = BoilerplateKinds.RelatedLinks, ["recommendations"] = BoilerplateKinds.RelatedLinks,
        ["newsletter"] = BoilerplateKinds.Newsletter, ["subscribe"] = BoilerplateKinds.Newsletter, ["subscription"] = BoilerplateKinds.Newsletter,
        ["signup"] = BoilerplateKinds.Newsletter, ["optin"] = BoilerplateKinds.Newsletter, ["mailchimp"] = BoilerplateKinds.Newsletter,
        ["cookie"] = BoilerplateKinds.CookieNotice, ["cookies"] = BoilerplateKinds.CookieNotice, ["consent"] = BoilerplateKinds.CookieNotice,
        ["gdpr"] = BoilerplateKinds.CookieNotice, ["cmp"] = BoilerplateKinds.CookieNotice,
        ["ad"] = BoilerplateKinds.Advertisement, ["ads"] = BoilerplateKinds.Advertisement, ["advert"] = BoilerplateKinds.Advertisement,
        ["advertisement"] = BoilerplateKinds.Advertisement, ["adsbygoogle"] = BoilerplateKinds.Advertisement, ["sponsored"] = BoilerplateKinds.Advertisement,
        ["promo"] = BoilerplateKinds.Promotion, ["banner"] = BoilerplateKinds.Promotion, ["popup"] = BoilerplateKinds.OutsideMainContent,
        ["modal"] = BoilerplateKinds.OutsideMainContent, ["overlay"] = BoilerplateKinds.OutsideMainContent,
        ["comment"] = BoilerplateKinds.Comments, ["comments"] = BoilerplateKinds.Comments, ["disqus"] = BoilerplateKinds.Comments,
        ["respond"] = BoilerplateKinds.Comments, ["wp-caption-text"] = BoilerplateKinds.Caption, ["caption"] = BoilerplateKinds.Caption,
        ["credit"] = BoilerplateKinds.ImageCredit, ["credits"] = BoilerplateKinds.ImageCredit,
        ["login"] = BoilerplateKinds.OutsideMainContent, ["search"] = BoilerplateKinds.OutsideMainContent, ["cart"] = BoilerplateKinds.OutsideMainContent,
        ["tags"] = BoilerplateKinds.Navigation, ["tagcloud"] = BoilerplateKinds.Navigation,
        ["hidden"] = BoilerplateKinds.OutsideMainContent, ["sr-only"] = BoilerplateKinds.OutsideMainContent, ["visually-hidden"] = BoilerplateKinds.OutsideMainContent,
        ["screen-reader-text"] = BoilerplateKinds.OutsideMainContent,
    };

    /// <summary>Names too generic to trust as a word inside a longer class ("elementor-widget", "elementor-hidden-tablet").</summary>
    private static readonly HashSet<string> WholeNameOnly = new(StringComparer.OrdinalIgnoreCase)
    {
        "widget", "widgets", "hidden", "search", "cart", "login", "skip", "tags", "banner", "modal", "overlay", "popup", "caption",
        "credit", "credits", "cmp", "consent", "signup", "menu", "social", "promo", "sponsored", "byline",
    };

    private static readonly HashSet<string> Positive = new(StringComparer.OrdinalIgnoreCase)
    {
        "article", "content", "post", "entry", "story", "body", "text", "main", "prose", "markdown", "rich-text", "richtext", "blog", "page-content",
        "post-content", "entry-content", "article-body", "articlebody", "story-body",
    };

    private static readonly Dictionary<string, string> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["navigation"] = BoilerplateKinds.Navigation, ["banner"] = BoilerplateKinds.OutsideMainContent, ["contentinfo"] = BoilerplateKinds.Copyright,
        ["complementary"] = BoilerplateKinds.OutsideMainContent, ["search"] = BoilerplateKinds.OutsideMainContent, ["dialog"] = BoilerplateKinds.OutsideMainContent,
        ["alertdialog"] = BoilerplateKinds.OutsideMainContent, ["menu"] = BoilerplateKinds.Navigation, ["menubar"] = BoilerplateKinds.Navigation,
        ["toolbar"] = BoilerplateKinds.Navigation,
    };

    /// <summary>The boilerplate kind a role names, or null.</summary>
    public static string? FromRole(string? role) => role is not null && Roles.TryGetValue(role, out var kind) ? kind : null;

    /// <summary>The boilerplate kind the class or id names, or null; a content word anywhere in them wins.</summary>
    public static string? Negativity(string? cls, string? id)
    {
        string? kind = null;
        if (Scan(cls, ref kind) || Scan(id, ref kind))
        {
            return null;
        }

        return kind;
    }

    /// <summary>Class or id names a content container (article, post-content, entry...).</summary>
    public static bool IsPositive(string? cls, string? id)
    {
        string? kind = null;
        return Scan(cls, ref kind) || Scan(id, ref kind);
    }

    /// <summary>Looks at every whole class name and every word within it; returns true when a content word is found.</summary>
    private static bool Scan(string? names, ref string? kind)
    {
        if (string.IsNullOrEmpty(names))
        {
            return false;
        }

        var span = names.AsSpan();
        var negatives = Negative.GetAlternateLookup<ReadOnlySpan<char>>();
        var positives = Positive.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var r in span.SplitAny(" \t\n"))
        {
            var name = span[r];
            if (name.IsEmpty)
            {
                continue;
            }

            if (positives.Contains(name))
            {
                return true;
            }

            if (kind is null && negatives.TryGetValue(name, out var k))
            {
                kind = k;
            }

            foreach (var w in name.SplitAny("-_"))
            {
                var word = name[w];
                if (kind is null && word.Length > 1 && !WholeNameOnly.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) && negatives.TryGetValue(word, out var k2))
                {
                    kind = k2;
                }
            }
        }

        return false;
    }
}
