using System.Threading;
using System.Threading.Tasks;

namespace TrackerPS.Core.Threading
{
    /// <summary>Waiting for a task that takes no cancellation token (netstandard2.0 has no <c>Task.WaitAsync</c>).</summary>
    internal static class TaskCancellation
    {
        /// <summary>Waits for <paramref name="task"/>, or stops waiting (the task itself goes on) when the token is cancelled.</summary>
        /// <exception cref="System.OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
        internal static async Task<T> WaitAsync<T>(Task<T> task, CancellationToken cancellationToken)
        {
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }

            return await task.ConfigureAwait(false);
        }
    }
}
