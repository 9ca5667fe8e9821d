using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using TrackerPS.Core.Threading;

namespace TrackerPS.Core.Trackers.Udp
{
    /// <summary>
    /// Sends one request packet now and again at each later offset of its <see cref="UdpRetransmissionSchedule"/>
    /// (BEP 15 §time outs), from one timer, until disposed; when the schedule runs out it fails the reply with a
    /// <see cref="TimeoutException"/>. One timer per request, rather than a delay task per wait, keeps a request that is
    /// answered at once down to a single timer registration.
    /// </summary>
    internal sealed class UdpRetransmitter : IDisposable
    {
        private readonly Socket _socket;
        private readonly IPEndPoint _endpoint;
        private readonly byte[] _packet;
        private readonly UdpRetransmissionSchedule _schedule;
        private readonly TaskCompletionSource<byte[]> _reply;
        private readonly long _firstSend = MonotonicTime.Now;
        private readonly object _gate = new object();
        private readonly Timer _timer;
        private int _sends;
        private bool _disposed;

        /// <summary>Sends the first packet and starts the schedule.</summary>
        /// <exception cref="SocketException">The first send failed.</exception>
        internal UdpRetransmitter(Socket socket, IPEndPoint endpoint, byte[] packet, UdpRetransmissionSchedule schedule, TaskCompletionSource<byte[]> reply)
        {
            _socket = socket;
            _endpoint = endpoint;
            _packet = packet;
            _schedule = schedule;
            _reply = reply;
            _timer = new Timer(state => ((UdpRetransmitter)state!).OnTimer(), this, Timeout.Infinite, Timeout.Infinite);
            lock (_gate)
            {
                Send();
                ScheduleNext();
            }
        }

        /// <summary>Stops sending; the timer will not fire again.</summary>
        public void Dispose()
        {
            lock (_gate)
            {
                _disposed = true;
                _timer.Dispose();
            }
        }

        private void OnTimer()
        {
            lock (_gate)
            {
                if (_disposed || _reply.Task.IsCompleted)
                {
                    return;
                }

                if (_sends == _schedule.SendOffsets.Length)
                {
                    _reply.TrySetException(new TimeoutException(
                        $"No reply after {_sends} tries in {_schedule.GiveUpAfter.TotalSeconds:0.###} s."));
                    return;
                }

                try
                {
                    Send();
                }
                catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
                {
                    // On a timer thread nothing would catch it: the request fails instead (a disposed client closes
                    // its socket before it fails the requests still waiting).
                    _reply.TrySetException(e);
                    return;
                }

                ScheduleNext();
            }
        }

        private void Send()
        {
            _socket.SendTo(_packet, 0, _packet.Length, SocketFlags.None, _endpoint);
            _sends++;
        }

        // The next send, or giving up once every send is made; offsets count from the first send.
        private void ScheduleNext()
        {
            TimeSpan at = _sends < _schedule.SendOffsets.Length ? _schedule.SendOffsets[_sends] : _schedule.GiveUpAfter;
            long due = Math.Max(0, (long)Math.Ceiling((at - MonotonicTime.Since(_firstSend)).TotalMilliseconds));
            _timer.Change(due, Timeout.Infinite);
        }
    }
}
