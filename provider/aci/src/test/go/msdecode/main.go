// Command msdecode scrapes a kubelet's /metrics/resource with metrics-server's own kubelet client
// (sigs.k8s.io/metrics-server/pkg/scraper/client/resource, the code metrics-server runs, with its
// Prometheus text parser and completeness checks) and prints the batch it would store, as JSON.
//
// Usage: msdecode <host> <port> <node name>
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/rest"
	"sigs.k8s.io/metrics-server/pkg/scraper/client"
	"sigs.k8s.io/metrics-server/pkg/scraper/client/resource"
)

type point struct {
	CPUNanoSeconds uint64 `json:"cpuNanoSeconds"`
	MemoryBytes    uint64 `json:"memoryBytes"`
	TimestampMs    int64  `json:"timestampMs"`
	StartTimeMs    int64  `json:"startTimeMs,omitempty"`
}

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: msdecode <host> <port> <node name>")
		os.Exit(2)
	}
	port, err := strconv.Atoi(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, "bad port:", err)
		os.Exit(2)
	}
	kubelet, err := resource.NewForConfig(&client.KubeletClientConfig{
		Client:              rest.Config{Timeout: 10 * time.Second},
		AddressTypePriority: []corev1.NodeAddressType{corev1.NodeInternalIP},
		Scheme:              "http",
		DefaultPort:         port,
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	node := &corev1.Node{
		ObjectMeta: metav1.ObjectMeta{Name: os.Args[3]},
		Status: corev1.NodeStatus{Addresses: []corev1.NodeAddress{
			{Type: corev1.NodeInternalIP, Address: os.Args[1]},
		}},
	}
	batch, err := kubelet.GetMetrics(context.Background(), node)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out := map[string]any{}
	nodes := map[string]point{}
	for name, p := range batch.Nodes {
		nodes[name] = point{p.CumulativeCPUUsed, p.MemoryUsage, p.Timestamp.UnixMilli(), 0}
	}
	pods := map[string]map[string]point{}
	for ref, pod := range batch.Pods {
		containers := map[string]point{}
		for name, c := range pod.Containers {
			containers[name] = point{c.CumulativeCPUUsed, c.MemoryUsage, c.Timestamp.UnixMilli(), c.StartTime.UnixMilli()}
		}
		pods[ref.Namespace+"/"+ref.Name] = containers
	}
	out["nodes"] = nodes
	out["pods"] = pods
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
