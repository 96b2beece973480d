using MimeKit;

namespace Pmf.Pipeline.Alerts;

/// <summary>A digest ready to send, with what the alert log records about it.</summary>
/// <param name="ServiceCode">The service it is for.</param>
/// <param name="Message">The message.</param>
/// <param name="Recipients">Every address it goes to (To and Cc).</param>
/// <param name="FollowUpIds">The follow-ups it carries.</param>
public sealed record DigestMessage(string ServiceCode, MimeMessage Message, IReadOnlyList<string> Recipients, IReadOnlyList<long> FollowUpIds);
