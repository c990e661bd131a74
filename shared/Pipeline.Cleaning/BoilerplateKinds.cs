namespace Pipeline.Cleaning;

/// <summary>The <see cref="RemovedBlock.Kind"/> values cleaning reports.</summary>
public static class BoilerplateKinds
{
    /// <summary>"Share this", "Pin it", social buttons.</summary>
    public const string ShareButtons = "share-buttons";

    /// <summary>Photo credits and "© Provided by" lines under images.</summary>
    public const string ImageCredit = "image-credit";

    /// <summary>Lines standing for an image: "pic", "[image]", alt text left behind.</summary>
    public const string ImagePlaceholder = "image-placeholder";

    /// <summary>A company's address, phone, website and social lines together.</summary>
    public const string ContactBlock = "contact-block";

    /// <summary>Copyright and site-footer lines.</summary>
    public const string Copyright = "copyright";

    /// <summary>"Learn more", "Book an appointment", "Subscribe" and similar prompts.</summary>
    public const string CallToAction = "call-to-action";

    /// <summary>"About us" and sales paragraphs after the article.</summary>
    public const string Promotion = "promotion";

    /// <summary>The site's slogan above the title.</summary>
    public const string SiteTagline = "site-tagline";

    /// <summary>Menus, breadcrumbs, skip links.</summary>
    public const string Navigation = "navigation";

    /// <summary>Cookie consent and privacy banners.</summary>
    public const string CookieNotice = "cookie-notice";

    /// <summary>Newsletter sign-up boxes.</summary>
    public const string Newsletter = "newsletter";

    /// <summary>"Related posts", "You may also like" lists.</summary>
    public const string RelatedLinks = "related-links";

    /// <summary>A line that repeats an earlier one.</summary>
    public const string Repeated = "repeated";

    /// <summary>A line holding only the date (moved into <see cref="CleaningResult.Published"/>).</summary>
    public const string Dateline = "dateline";

    /// <summary>Author, editor and reading-time lines ("Written by", "5 min read").</summary>
    public const string Byline = "byline";

    /// <summary>Shop furniture: bare prices, stock, shipping and cart lines.</summary>
    public const string ShopWidget = "shop-widget";

    /// <summary>Reader comments and comment forms.</summary>
    public const string Comments = "comments";

    /// <summary>Advertising.</summary>
    public const string Advertisement = "advertisement";

    /// <summary>Image captions inside the article.</summary>
    public const string Caption = "caption";

    /// <summary>Page header, sidebar, footer and other blocks outside the main content.</summary>
    public const string OutsideMainContent = "outside-main-content";

    /// <summary>A block that is mostly links.</summary>
    public const string LinkList = "link-list";

    /// <summary>Lines learned as a site's template (they recur across its documents).</summary>
    public const string SiteTemplate = "template";
}
