using System.Collections.Concurrent;

namespace FaxSdk.AspNetCore.Tests;

internal sealed class RecordingObserver : IFaxWebhookRejectionObserver
{
    private readonly ConcurrentQueue<FaxWebhookRejection> _rejections = new();

    public IReadOnlyList<FaxWebhookRejection> All => [.. _rejections];

    public void OnRejected(FaxWebhookRejection rejection) => _rejections.Enqueue(rejection);
}
