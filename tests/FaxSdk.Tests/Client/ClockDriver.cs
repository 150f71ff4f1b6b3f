using Microsoft.Extensions.Time.Testing;

namespace FaxSdk.Tests.Client;

/// <summary>Moves a fake clock forward in small steps until a task completes (bounded, so a bug fails instead of hanging).</summary>
internal static class ClockDriver
{
    public static async Task<T> RunAsync<T>(FakeTimeProvider clock, Task<T> task, TimeSpan step, int maxSteps = 10_000)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            await Task.Yield();
            await Task.Delay(1);
            if (!task.IsCompleted)
            {
                clock.Advance(step);
            }
        }

        Assert.True(task.IsCompleted, $"The task did not complete within {maxSteps} steps of {step} of virtual time.");
        return await task;
    }

    public static async Task RunAsync(FakeTimeProvider clock, Task task, TimeSpan step, int maxSteps = 10_000) =>
        await RunAsync(clock, task.ContinueWith(t => { t.GetAwaiter().GetResult(); return true; }, TaskScheduler.Default), step, maxSteps);
}
