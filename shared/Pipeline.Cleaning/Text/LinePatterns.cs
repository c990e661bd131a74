using System.Text.RegularExpressions;

namespace Pipeline.Cleaning.Text;

/// <summary>Source-generated patterns that recognise boilerplate lines. Each is anchored to the whole (short) line.</summary>
internal static partial class LinePatterns
{
    private const RegexOptions Opts = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"^(share( this( (post|article|story|page))?)?( on \w+)?|share (on|via) [\w ,]+|pin it( on pinterest)?|pin (this |it )?for later!?|tweet( this)?|(facebook|twitter|x|linkedin|pinterest|whatsapp|reddit|telegram|email|e-mail|print|copy link|flipboard)([\s,|/·•]+(facebook|twitter|x|linkedin|pinterest|whatsapp|reddit|telegram|email|e-mail|print|copy link|flipboard))*|click to share on \w+.*|(\d+\s+)?shares?)[\s:!.]*$", Opts)]
    public static partial Regex Share();

    [GeneratedRegex(@"(©|\(c\)|copyright)\s*(provided by|\w+ images|getty|shutterstock|istock|reuters|ap photo)|^(photo|image|picture|photograph|illustration|credit|source|foto)s?( credit)?\s*(:|by\b)|\bphoto(graph)? by .{2,60}( on (unsplash|pexels|pixabay))?$|\((photo|image|credit)s?:? [^)]{2,60}\)$|\b(getty images|shutterstock|istock(photo)?|unsplash|pexels|pixabay)\b.{0,20}$", Opts)]
    public static partial Regex ImageCredit();

    [GeneratedRegex(@"^[\[(<]?\s*((misc|featured|hero|header|stock|placeholder|inline|main|blog|cover|post)\s+)?(pic|pics|picture|image|img|photo|thumbnail|graphic|illustration|figure|icon|logo|banner|placeholder)(\s+(placeholder|\d+))?\s*[\])>]?$|^!\[[^\]]*\]\([^)]*\)$|^\[(image|img|photo|picture)[^\]]*\]$", Opts)]
    public static partial Regex ImagePlaceholder();

    [GeneratedRegex(@"^((head(quarters|\s*office)|office|address|location|phone|tel(ephone)?|mobile|cell|fax|e-?mail|website|web|url|site|facebook|twitter|x|instagram|linkedin|youtube|tiktok|pinterest|whatsapp|hours|opening hours|contact( us)?)\s*[:：]|(\+|\(?\d{3}\)?[\s.-])[\d\s().-]{7,}$|https?://\S+$|www\.\S+$|@\w{2,}$|[\w.+-]+@[\w-]+\.[\w.]+$)", Opts)]
    public static partial Regex ContactLine();

    [GeneratedRegex(@"^(copyright\b|©|\(c\)\s*\d{4})|\ball rights reserved\b|\b(copyright|©)\s*(\d{4}|[a-z])|\b(powered|designed|design|theme|website|site) by\b|^(privacy policy|terms( of (use|service))?|cookie policy|sitemap|imprint|impressum)(\s*[|·•/-]\s*(privacy policy|terms( of (use|service))?|cookie policy|sitemap|imprint|impressum|contact( us)?|accessibility|disclaimer))+$", Opts)]
    public static partial Regex Copyright();

    [GeneratedRegex(@"\b(we use cookies|this (web)?site uses cookies|uses cookies to|accept (all )?cookies|cookie (settings|preferences|policy|consent)|by continuing to (use|browse)|manage (your )?consent)\b", Opts)]
    public static partial Regex Cookie();

    [GeneratedRegex(@"\b(sign up for (our|the) (free )?([\w'’]+ ){0,3}(newsletters?|emails?|updates)|subscribe to (our|the) (free )?(newsletter|mailing list|blog|channel|updates)|join (our|the) (newsletter|mailing list)|get (our|the) newsletter|enter your e-?mail( address)?|newsletter sign[- ]?up|delivered (straight )?to your inbox|unsubscribe at any time)\b", Opts)]
    public static partial Regex Newsletter();

    private const string NavigationLabels = @"skip to (main )?(content|navigation)|toggle navigation|main menu|menu|search|home|back to top|scroll to top|previous( post| article)?|next( post| article)?|(«|‹|<)\s*(previous|prev|older)\b.*";

    /// <summary>"Next »" after any text: the one navigation branch that is not anchored to the line's first word.</summary>
    private const string NavigationNextArrow = @".*\b(next|newer)\s*(»|›|>)";

    /// <summary>Navigation labels ("Menu", "Skip to content", "« Previous") anchored to the line's start; with <see cref="NavigationArrow"/>, the navigation words.</summary>
    [GeneratedRegex("^(" + NavigationLabels + @")[\s:.]*$", Opts)]
    public static partial Regex NavigationLabel();

    /// <summary>"... next »": scans the whole line, so it is only tried on a line holding one of the arrows.</summary>
    [GeneratedRegex("^(" + NavigationNextArrow + @")[\s:.]*$", Opts)]
    public static partial Regex NavigationArrow();

    [GeneratedRegex(@"^((written|edited|reviewed|fact[- ]checked|medically reviewed|posted|published|updated|authored|photographed|illustrated)( and \w+)?\s+by\b.{0,60}|by\s+[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3}|(written|edited|reviewed|fact[- ]checked) by|\d+\s*(min(ute)?s?|hours?)\s+read(ing time)?|reading time:?\s*\d+\s*min(ute)?s?)[\s:.|·•]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Byline();

    [GeneratedRegex(@"^((list |sale |regular |our |your |current |total |unit )?price:?|was:?|now:?|from|starting (at|from)|save|only|subtotal:?|total:?|you save:?)?\s*(([$€£¥₹]|usd|eur|gbp|cad|aud|us\$|rs\.?)\s?\d[\d.,\s]*|\d[\d.,]*\s?([$€£¥₹]|usd|eur|gbp|kr|zł|руб))(\s*(-|–|to)\s*([$€£¥₹]\s?)?\d[\d.,]*\s?[$€£¥₹]?)?(\s*(\(\d+%\s*off\)|\d+%\s*off|each|/\s*(mo|month|year|yr|unit|ea)|per (month|year|unit)))?[\s*.]*$|^(free (standard |express |next[- ]day )?(shipping|delivery|returns?)\b.{0,40}|(in|out of) stock\b.{0,30}|only \d+ left( in stock)?.{0,20}|add to (cart|bag|basket|wish ?list|registry)|buy (it )?now|quantity:?|qty:?|sold (and shipped )?by\b.{0,40}|ships from\b.{0,40}|arrives (by|on)\b.{0,30}|order within\b.{0,30}|(estimated )?delivery( date)?:?.{0,30}|checkout|proceed to checkout|add (a )?protection plan.{0,30}|see (options|details)|write a review|save (up to )?\d+%( off)?|(rated )?\d(\.\d)?\s*(out of 5( stars)?|stars?)(\s*\(?\d[\d,]*\)?\s*(reviews?|ratings?)?)?|\(?\d[\d,]*\)?\s*(customer )?(reviews?|ratings?)|select (a )?(size|colou?r|option)s?|size guide|notify me( when available)?|pick ?up in store.{0,30}|compare( at)?|sku:?.{0,20}|item #?:?.{0,20}|model #?:?.{0,20})[\s.!]*$", Opts)]
    public static partial Regex ShopLine();

    [GeneratedRegex(@"\b(as an amazon associate|(may )?(contain|contains|include|includes|uses?) affiliate links?|affiliate (links?|commissions?|partners?)\b.{0,40}\b(earn|commission|compensat)|(we|us|i) (may )?(earn|receive) (a )?(small )?(commission|compensation)|earn (us|me) a (small )?commission|purchases made through (our |these )?links|(products|items) are (chosen|selected) independently|independently (select|evaluate|review|research)\w* (all )?(of )?(our|the|these) (products|recommendations|picks)|supported by (commissions|advertis\w+|affiliate)|when you (buy|purchase|shop) through (our |the )?links)", Opts)]
    public static partial Regex AffiliateDisclosure();

    [GeneratedRegex(@"^(leave a (comment|reply)\b.*|did you (make|try|enjoy) (this|one of (my|our|these))( recipes?| posts?)?\?.*|your email address will not be published.*|required fields are marked.*|(\d+ )?comments?( \(\d+\))?|no comments( yet)?\.?|be the first to comment.*|join the (discussion|conversation).*)$", Opts)]
    public static partial Regex CommentPrompt();

    [GeneratedRegex(@"^(advertisement|advertising|sponsored( content)?|ad|ads|paid content|story continues below( advertisement)?|continue reading below)[\s:.]*$|^(advertisement|sponsored)\s*:.{1,60}$|^.{1,150}\((sponsored|advertisement|paid post|partner content)\)$", Opts)]
    public static partial Regex AdLabel();

    // UtilityLine's branches grouped by the letter they start with (a branch with alternative first words is split),
    // so that UtilityLineMatcher tries only the group of a line's first letter; each branch is written once.
    private const string UtilityA = @"already have an account\?.*|active member|article continues below.{0,20}|advertise with us|all (categories|brands|collections)|article archive";
    private const string UtilityB = @"based on [\d,]+ reviews?|back|back to (top|home|blog|all \w+|\w+)|browse (categories|brands|collections)|brands";
    private const string UtilityC = @"(categories|category)\s*:.*|categories|close|close menu|contents|create (an|a new) account|copyright|create an account or (sign|log) ?in\b.{0,40}|coming soon!?|customer (reviews|stories|testimonials)|collections|contact";
    private const string UtilityD = @"displaying \d[\d,]*\s*(-|–|to)\s*\d.{0,50}|deal of the day";
    private const string UtilityE = @"explore more( \w+)?|explore in 3d";
    private const string UtilityF = @"filed under\s*:.*|filter( by)?:?.{0,30}|follow (us|me)( on [\w ]{1,20})?!?|financing( options)?|featured (on|in)|filter options";
    private const string UtilityG = @"go to recipe|get notified\b.{0,60}|get the free e-?book!?";
    private const string UtilityH = @"how was this (issue|article|post|newsletter)\??";
    private const string UtilityI = @"in this article|in partnership with";
    private const string UtilityJ = @"jump to( section)?|jump to recipe|joined(:?\s*[\d,.kK]+|:.{0,20})?|junior member|join(ed)? date\b.{0,20}|join \w+ for free\b.{0,60}|join our\b.{0,20}\bnewsletter";
    private const string UtilityK = @"karma(:?\s*[\d,.kK]+|:.{0,20})?";
    private const string UtilityL = @"labels?\s*:.*|load more|loading( \w+)?(\.\.\.|…)?|log ?in|log ?out|log ?in (to|or)\b.{0,60}|likes? this|latest (stories|posts|articles) (by|from) .{1,40}|like what you see\?.{0,40}";
    private const string UtilityM = @"more(\.\.\.|…)|(messages|member since)(:?\s*[\d,.kK]+|:.{0,20})?|more (stories|posts|articles) (by|from) .{1,40}|members earn\b.{0,60}|more quick links.{0,20}";
    private const string UtilityN = @"not open for further replies|new member";
    private const string UtilityO = @"open menu|on this page|original poster|other (stories|posts|articles) (by|from) .{1,40}|oops! something went wrong.{0,60}|open in app";
    private const string UtilityP = @"print( this (page|article))?|(print|pin)( this)? recipe|(posts|points)(:?\s*[\d,.kK]+|:.{0,20})?|premium member|product (categories|brands|collections)|play video|promotion has expired";
    private const string UtilityR = @"rate( this)? recipe|register|register (an|a new) account|reaction score(:?\s*[\d,.kK]+|:.{0,20})?|registered member|returns (&|and) exchanges accepted\b.{0,30}|recent (stories|posts|articles) (by|from) .{1,40}|results per page|report( (inappropriate|abusive))? (content|post|abuse)|report";
    private const string UtilityS = @"show (more|less)|see all|skip to recipe|save( this)? recipe|sign in|sign up|sign ?in (to|or)\b.{0,60}|showing \d[\d,]*(\s*[-–]\s*\d[\d,]*)? of \d[\d,]*.{0,20}|sort by:?.{0,30}|senior member|story continues below.{0,20}|stay connected\b.{0,30}|share (this )?(article|post|story)\b.{0,40}|shop by (categories|brands|collections)|sent from my .{1,60}|sort options|summarize with ai|subscribe to get\b.{0,60}|sign up for (our )?newsletters?";
    private const string UtilityT = @"(tags?|topics?)\s*:.*|tags|table of contents?|trusted member|threads:?\s*[\d,.kK]+|top posters\b.{0,30}|trending searches|thank you! your submission has been received!?|this is what customers who (viewed|bought) this (item|product) (also )?(viewed|bought)|top (collections|brands|categories)|this (post|article|story|content) is (only )?(for|exclusive to|available to) (paid |premium )?(\S+ )?(subscribers|members)";
    private const string UtilityU = @"use (promo|coupon|discount) code.{0,20}";
    private const string UtilityV = @"view all|verified (buyer|purchase|owner)|(valued|verified) member|view options";
    private const string UtilityW = @"well[- ]known member|was this (page |article |answer )?helpful\??|why trust us\??|what (our|other) (customers|clients) (are )?say(ing)?|what customers who (viewed|bought) this (item|product) (also )?(viewed|bought)|welcome to [\w .]{1,30}!";
    private const string UtilityY = @"(you need to|you must) (be a member|log ?in|sign in|register)\b.*|you (may|might) (also )?be interested in.{0,50}";
    private const string UtilityDigit = @"\d+\s+(likes?|replies|views|posts)|\d[\d,]* (results|items|products)( found)?|\d+\+? years? member";
    private const string UtilityAnywhere = @"[\w.-]+( and \d+ others?)? likes? this|.{0,40}calculated at checkout.{0,20}|.{0,40}\b(funded|supported) by readers( like you)?|.{1,40}[|·•]\s*\d+\s*min(ute)?s? read";

    private const string UtilityEnd = @")[\s:.!?]*$";

    /// <summary>Short utility labels (menus, account links, forum furniture, shop widgets): all the branches at once. <see cref="UtilityLineMatcher"/> picks the group a line can match.</summary>
    [GeneratedRegex("^(" + UtilityA + "|" + UtilityB + "|" + UtilityC + "|" + UtilityD + "|" + UtilityE + "|" + UtilityF + "|" + UtilityG + "|" + UtilityH + "|" + UtilityI + "|" + UtilityJ + "|" + UtilityK + "|" + UtilityL + "|" + UtilityM + "|" + UtilityN + "|" + UtilityO + "|" + UtilityP + "|" + UtilityR + "|" + UtilityS + "|" + UtilityT + "|" + UtilityU + "|" + UtilityV + "|" + UtilityW + "|" + UtilityY + "|" + UtilityDigit + "|" + UtilityAnywhere + UtilityEnd, Opts)]
    public static partial Regex UtilityLine();

    /// <summary>The utility-label branches that start with the letter a.</summary>
    [GeneratedRegex("^(" + UtilityA + UtilityEnd, Opts)]
    public static partial Regex UtilityLineA();

    /// <summary>The utility-label branches that start with the letter b.</summary>
    [GeneratedRegex("^(" + UtilityB + UtilityEnd, Opts)]
    public static partial Regex UtilityLineB();

    /// <summary>The utility-label branches that start with the letter c.</summary>
    [GeneratedRegex("^(" + UtilityC + UtilityEnd, Opts)]
    public static partial Regex UtilityLineC();

    /// <summary>The utility-label branches that start with the letter d.</summary>
    [GeneratedRegex("^(" + UtilityD + UtilityEnd, Opts)]
    public static partial Regex UtilityLineD();

    /// <summary>The utility-label branches that start with the letter e.</summary>
    [GeneratedRegex("^(" + UtilityE + UtilityEnd, Opts)]
    public static partial Regex UtilityLineE();

    /// <summary>The utility-label branches that start with the letter f.</summary>
    [GeneratedRegex("^(" + UtilityF + UtilityEnd, Opts)]
    public static partial Regex UtilityLineF();

    /// <summary>The utility-label branches that start with the letter g.</summary>
    [GeneratedRegex("^(" + UtilityG + UtilityEnd, Opts)]
    public static partial Regex UtilityLineG();

    /// <summary>The utility-label branches that start with the letter h.</summary>
    [GeneratedRegex("^(" + UtilityH + UtilityEnd, Opts)]
    public static partial Regex UtilityLineH();

    /// <summary>The utility-label branches that start with the letter i.</summary>
    [GeneratedRegex("^(" + UtilityI + UtilityEnd, Opts)]
    public static partial Regex UtilityLineI();

    /// <summary>The utility-label branches that start with the letter j.</summary>
    [GeneratedRegex("^(" + UtilityJ + UtilityEnd, Opts)]
    public static partial Regex UtilityLineJ();

    /// <summary>The utility-label branches that start with the letter k.</summary>
    [GeneratedRegex("^(" + UtilityK + UtilityEnd, Opts)]
    public static partial Regex UtilityLineK();

    /// <summary>The utility-label branches that start with the letter l.</summary>
    [GeneratedRegex("^(" + UtilityL + UtilityEnd, Opts)]
    public static partial Regex UtilityLineL();

    /// <summary>The utility-label branches that start with the letter m.</summary>
    [GeneratedRegex("^(" + UtilityM + UtilityEnd, Opts)]
    public static partial Regex UtilityLineM();

    /// <summary>The utility-label branches that start with the letter n.</summary>
    [GeneratedRegex("^(" + UtilityN + UtilityEnd, Opts)]
    public static partial Regex UtilityLineN();

    /// <summary>The utility-label branches that start with the letter o.</summary>
    [GeneratedRegex("^(" + UtilityO + UtilityEnd, Opts)]
    public static partial Regex UtilityLineO();

    /// <summary>The utility-label branches that start with the letter p.</summary>
    [GeneratedRegex("^(" + UtilityP + UtilityEnd, Opts)]
    public static partial Regex UtilityLineP();

    /// <summary>The utility-label branches that start with the letter r.</summary>
    [GeneratedRegex("^(" + UtilityR + UtilityEnd, Opts)]
    public static partial Regex UtilityLineR();

    /// <summary>The utility-label branches that start with the letter s.</summary>
    [GeneratedRegex("^(" + UtilityS + UtilityEnd, Opts)]
    public static partial Regex UtilityLineS();

    /// <summary>The utility-label branches that start with the letter t.</summary>
    [GeneratedRegex("^(" + UtilityT + UtilityEnd, Opts)]
    public static partial Regex UtilityLineT();

    /// <summary>The utility-label branches that start with the letter u.</summary>
    [GeneratedRegex("^(" + UtilityU + UtilityEnd, Opts)]
    public static partial Regex UtilityLineU();

    /// <summary>The utility-label branches that start with the letter v.</summary>
    [GeneratedRegex("^(" + UtilityV + UtilityEnd, Opts)]
    public static partial Regex UtilityLineV();

    /// <summary>The utility-label branches that start with the letter w.</summary>
    [GeneratedRegex("^(" + UtilityW + UtilityEnd, Opts)]
    public static partial Regex UtilityLineW();

    /// <summary>The utility-label branches that start with the letter y.</summary>
    [GeneratedRegex("^(" + UtilityY + UtilityEnd, Opts)]
    public static partial Regex UtilityLineY();

    /// <summary>The utility-label branches that start with a digit.</summary>
    [GeneratedRegex("^(" + UtilityDigit + UtilityEnd, Opts)]
    public static partial Regex UtilityLineDigit();

    /// <summary>The utility-label branches that can start with any character.</summary>
    [GeneratedRegex("^(" + UtilityAnywhere + UtilityEnd, Opts)]
    public static partial Regex UtilityLineAnywhere();

    /// <summary>Any ASCII letter, with the case equivalents <see cref="Opts"/> gives it (the Kelvin sign for k, ...).</summary>
    [GeneratedRegex("[a-z]", Opts)]
    public static partial Regex AsciiLetter();

    [GeneratedRegex(@"^(related( reading| posts?| articles?| stories| content| links?)?|you (may|might) also (like|enjoy)|read (more|next|also)|see also|also read|more)\s*:\s*\S.{0,150}$", Opts)]
    public static partial Regex RelatedInline();

    [GeneratedRegex(@"^(related( posts| articles| stories| reading| content| links)?|you (may|might) also (like|enjoy)|read (next|also|more)|also read|more (from|on|stories|articles)\b.*|recommended( for you| reading| articles)?|popular (posts|articles|stories)|trending( now)?|further reading|see also|don'?t miss|latest (posts|news|articles)|(other|more|similar|recent) (posts|articles|stories|reads)( you (may|might) (like|enjoy))?|good articles to read( together)?|keep reading|explore more( articles| posts)?|related (items|products|searches|topics|resources)( (&|and) resources)?|(this is )?what customers who (viewed|bought) this (item|product) (also )?(viewed|bought)|recommended (stories|posts|products)|you (may|might) (also )?(like|enjoy)|what others are reading|more by (the|this) author|customers who (viewed|bought) this( item| product)? also (viewed|bought))[\s:.]*$", Opts)]
    public static partial Regex RelatedHeading();

    [GeneratedRegex(@"^((learn|read|find out|see|view|discover) more( about .{1,60})?|continue reading.*|click here.*|get started( today| now)?|get in touch|contact us( today| now)?|call (us )?(now|today)|(book|schedule|make) (an|a|your) (appointment|consultation|call|visit)( today| now| online)?|sign up( now| today| for free)?|subscribe( now| today)?|join (us|now|today)|shop now|buy now|donate( now| today)?|order now|download now|try (it )?(for )?free|try (it )?now|request a (quote|demo)|get (a|your) (free )?quote( today| now)?|let'?s (connect|talk|chat)|explore (more|our \w+))[\s.!:»>→]*$", Opts)]
    public static partial Regex StrongCallToAction();

    [GeneratedRegex(@"^(learn|read|discover|explore|find out|see|view|book|schedule|contact|call|get|start|join|subscribe|sign up|follow|visit|shop|download|try|request|claim|register|reserve|grab|enroll|apply)\b", Opts)]
    public static partial Regex ImperativeStart();

    [GeneratedRegex(@"\b(book an? (appointment|consultation|session)|make an appointment|schedule (a|an|your) (consultation|appointment|visit|call)|contact us|call us|get in touch|free consultation|sign up|request a quote|visit our|our (team|clinic|practice|experts|services|mission|products|company|store|shop)|we offer|we provide|we specialize|we prioritize)\b", Opts)]
    public static partial Regex PromotionalPhrase();

    [GeneratedRegex(@"^([Aa]t|[Aa]bout) ([A-Z][\w&'’.-]*)(\s+[A-Z][\w&'’.-]*){0,3},?\s+(we|our)\b|^([Oo]ur (mission|vision|team|story|goal|purpose|promise|values)\b)|^([Aa]bout us|[Ww]ho we are|[Ww]hy choose us)\b", RegexOptions.CultureInvariant)]
    public static partial Regex AboutUsStart();

    [GeneratedRegex(@"^\s*([-*+•·▪◦‣●○■□➢➤►✓✔]|\d{1,3}[.)])\s+")]
    public static partial Regex ListMarker();

    [GeneratedRegex(@"\w+")]
    public static partial Regex Word();

    [GeneratedRegex(@"^(.{1,40}?)(\s+(>|»|›|/|\||·|•|→|::)\s+.{1,40}?){2,}$")]
    public static partial Regex Breadcrumb();
}
